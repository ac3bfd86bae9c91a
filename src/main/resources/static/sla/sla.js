// The SLA dashboard: reads /api/sla/* (same session) and draws with Chart.js served from Vigil's own WebJar.
'use strict';

async function load(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(path + ' answered ' + response.status);
  return response.json();
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  return td;
}

function link(href, label) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = label;
  return a;
}

// One row per deadline; the server decided which links this viewer may follow (none it would refuse).
function fillTable(id, rows) {
  const body = document.querySelector('#' + id + ' tbody');
  body.replaceChildren();
  for (const row of rows) {
    const tr = document.createElement('tr');
    tr.dataset.status = row.status;
    tr.dataset.id = row.id;
    const step = row.stepDueAt ? row.stepName + ' (this step due ' + row.stepDue + ')' : row.stepName;
    tr.append(cell(row.what), cell(step), cell(row.processKey), cell(row.heldBy), cell(row.due));
    const open = document.createElement('td');
    open.className = 'open-links';
    if (row.tasklistLink) open.append(link(row.tasklistLink, 'Open in Tasklist'));
    if (row.cockpitLink) open.append(link(row.cockpitLink, 'View in Cockpit'));
    tr.append(open);
    body.append(tr);
  }
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const td = cell('Nothing here.');
    td.colSpan = 6;
    tr.append(td);
    body.append(tr);
  }
}

function fillRows(id, rows) {
  const body = document.querySelector('#' + id + ' tbody');
  body.replaceChildren(...rows.map(cells => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = cells[0];
    tr.append(th, ...cells.slice(1).map(cell));
    return tr;
  }));
}

function percent(rate) {
  return rate.total === 0 ? 'no deadlines' : Math.round(rate.rate * 100) + ' % (' + rate.onTime + ' of ' + rate.total + ')';
}

function text(id, value, format) {
  document.getElementById(id).textContent = value == null ? 'n/a' : format ? format(value) : value;
}

// Containment is expected within hours, notification within days: each figure in the unit its targets use.
function hours(figure) {
  return figure.meanHours.toFixed(1) + ' hours';
}

function days(figure) {
  return figure.meanDays.toFixed(1) + ' days';
}

function basis(figure) {
  return 'over ' + figure.incidents + (figure.incidents === 1 ? ' incident' : ' incidents') + ', last 365 days';
}

async function render() {
  const [summary, overdue, atRisk] = await Promise.all([
    load('/api/sla/summary'), load('/api/sla/overdue'), load('/api/sla/at-risk?days=7')]);
  const urgency = summary.openByUrgency;
  text('count-overdue', urgency.OVERDUE || 0);
  text('count-at-risk', urgency.AT_RISK || 0);
  text('count-open', urgency.OPEN || 0);
  text('mean-contain', summary.timeToContain.meanHours == null ? null : summary.timeToContain, hours);
  text('mean-contain-basis', summary.timeToContain, basis);
  text('mean-notify', summary.timeToNotify.meanDays == null ? null : summary.timeToNotify, days);
  text('mean-notify-basis', summary.timeToNotify, basis);
  text('definition-contain', summary.definitions.timeToContain);
  text('definition-notify', summary.definitions.timeToNotify);
  text('definition-on-time', summary.definitions.onTimeRate);
  text('definition-review', summary.definitions.accessReviewCompletion);
  text('review-completion', summary.accessReviewCompletion, v => Math.round(v * 100) + ' %');
  const audits = summary.auditsOnSchedule;
  text('audits-on-schedule', audits.rate, v => Math.round(v * 100) + ' %');
  text('audits-on-schedule-basis', audits.onSchedule + ' of ' + audits.due + (audits.due === 1 ? ' audit' : ' audits') + ', last 365 days');
  text('definition-audits', summary.definitions.auditsOnSchedule);
  const actions = summary.correctiveActions;
  const total = counts => Object.values(counts).reduce((a, b) => a + b, 0);
  const bySeverity = counts => ['major', 'minor', 'improvement'].map(s => (counts[s] || 0) + ' ' + s).join(', ');
  text('actions-open', total(actions.openBySeverity));
  text('actions-open-basis', bySeverity(actions.openBySeverity));
  text('actions-overdue', actions.overdue);
  text('findings-open', total(actions.auditFindingsOpenBySeverity));
  text('findings-open-basis', bySeverity(actions.auditFindingsOpenBySeverity));
  // Minutes or hours read as "0.0 days": under a day, the mean in hours.
  text('time-to-close', actions.meanDaysToClose, v => v < 1 ? (v * 24).toFixed(1) + ' hours' : v.toFixed(1) + ' days');
  text('time-to-close-basis', 'over ' + actions.closed + (actions.closed === 1 ? ' action' : ' actions') + ', last 365 days; '
      + actions.effectivenessFailures + ' effectiveness ' + (actions.effectivenessFailures === 1 ? 'check' : 'checks') + ' failed');
  text('definition-actions-open', summary.definitions.correctiveActionsOpen);
  text('definition-actions-overdue', summary.definitions.correctiveActionsOverdue);
  text('definition-findings-open', summary.definitions.auditFindingsOpen);
  text('definition-time-to-close', summary.definitions.timeToCloseActions);
  text('definition-effectiveness', summary.definitions.effectivenessFailures);
  const risks = summary.risks;
  text('risks-above-threshold', risks.aboveThreshold);
  text('risks-above-threshold-basis', 'rating above ' + risks.acceptanceThreshold + '; ' + risks.accepted + ' more accepted');
  text('risk-actions-overdue', risks.treatmentActionsOverdue);
  text('assets-unassessed', risks.assetsUnassessed);
  text('definition-risks-above-threshold', summary.definitions.risksAboveThreshold);
  text('definition-risk-actions-overdue', summary.definitions.riskTreatmentActionsOverdue);
  text('definition-assets-unassessed', summary.definitions.riskAssetsUnassessed);
  text('as-of', 'as of ' + summary.asOfText);
  fillTable('overdue', overdue);
  fillTable('at-risk', atRisk.filter(row => row.status !== 'OVERDUE'));

  const counts = [['Overdue', urgency.OVERDUE || 0], ['At risk', urgency.AT_RISK || 0], ['On track', urgency.OPEN || 0]];
  fillRows('table-urgency', counts);
  document.getElementById('chart-urgency').setAttribute('aria-label', 'Open deadlines by urgency: '
      + counts.map(([name, count]) => count + ' ' + name.toLowerCase()).join(', ') + '.');
  new Chart(document.getElementById('chart-urgency'), {
    type: 'doughnut',
    data: {
      labels: counts.map(([name]) => name),
      datasets: [{ data: counts.map(([, count]) => count), backgroundColor: ['#dc2626', '#f59e0b', '#3b82f6'] }]
    },
    options: { animation: false }
  });

  // The four quarters the server counted, each shown even where no deadline fell in it.
  const quarters = summary.quarters;
  const processes = Object.keys(summary.onTimeRateByProcess);
  const span = quarters[0] + ' to ' + quarters[quarters.length - 1];
  text('caption-on-time', 'On-time rate per process, last four quarters (' + span + ')');
  const head = document.querySelector('#table-on-time thead tr');
  head.replaceChildren(...['Process', ...quarters].map(name => Object.assign(document.createElement('th'), { scope: 'col', textContent: name })));
  fillRows('table-on-time', processes.map(process => [process, ...summary.onTimeRateByProcess[process].map(percent)]));
  document.getElementById('chart-on-time').setAttribute('aria-label', 'On-time rate per process, ' + span + ': '
      + (processes.length === 0 ? 'no deadlines were met or missed in these quarters.'
        : processes.map(process => process + ' ' + summary.onTimeRateByProcess[process]
            .map(rate => rate.quarter + ' ' + percent(rate)).join(', ')).join('; ') + '.'));
  new Chart(document.getElementById('chart-on-time'), {
    type: 'bar',
    data: {
      labels: quarters,
      datasets: processes.map(process => ({
        label: process,
        data: summary.onTimeRateByProcess[process].map(rate => rate.rate == null ? null : Math.round(rate.rate * 100))
      }))
    },
    options: { animation: false, scales: { y: { min: 0, max: 100, title: { display: true, text: '% on time' } } } }
  });
  document.body.dataset.rendered = 'true';
}

render().catch(error => {
  document.body.dataset.rendered = 'error';
  document.querySelector('main').prepend(Object.assign(document.createElement('p'), { textContent: error.message }));
});
