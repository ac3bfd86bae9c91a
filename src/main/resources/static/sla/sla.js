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

function fillTable(id, rows) {
  const body = document.querySelector('#' + id + ' tbody');
  body.replaceChildren();
  for (const row of rows) {
    const tr = document.createElement('tr');
    tr.dataset.status = row.status;
    tr.append(cell(row.what), cell(row.processKey), cell(row.ownerGroup), cell(new Date(row.dueAt).toLocaleString()));
    const open = document.createElement('td');
    if (row.link) {
      const a = document.createElement('a');
      a.href = row.link;
      a.textContent = row.link.includes('tasklist') ? 'Open in Tasklist' : 'Open in Cockpit';
      open.append(a);
    }
    tr.append(open);
    body.append(tr);
  }
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const td = cell('Nothing here.');
    td.colSpan = 5;
    tr.append(td);
    body.append(tr);
  }
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
  text('as-of', 'as of ' + new Date(summary.asOf).toLocaleString());
  fillTable('overdue', overdue);
  fillTable('at-risk', atRisk.filter(row => row.status !== 'OVERDUE'));

  new Chart(document.getElementById('chart-urgency'), {
    type: 'doughnut',
    data: {
      labels: ['Overdue', 'At risk', 'On track'],
      datasets: [{ data: [urgency.OVERDUE || 0, urgency.AT_RISK || 0, urgency.OPEN || 0],
                   backgroundColor: ['#dc2626', '#f59e0b', '#3b82f6'] }]
    },
    options: { animation: false }
  });
  const processes = Object.keys(summary.onTimeRateByProcess);
  const quarters = [...new Set(processes.flatMap(p => summary.onTimeRateByProcess[p].map(q => q.quarter)))].sort();
  new Chart(document.getElementById('chart-on-time'), {
    type: 'bar',
    data: {
      labels: quarters,
      datasets: processes.map(process => ({
        label: process,
        data: quarters.map(q => {
          const found = summary.onTimeRateByProcess[process].find(r => r.quarter === q);
          return found && found.rate != null ? Math.round(found.rate * 100) : null;
        })
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
