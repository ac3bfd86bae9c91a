// The notices page of one incident. Every value is put on the page as text, never as markup.
const incidentId = new URLSearchParams(location.search).get('incident');
let csrf = null;

// Statuses in words; an unknown one as its code in lower case.
const INCIDENT_STATUS = {REPORTED: 'reported', TRIAGED: 'triaged', CONTAINED: 'contained', INVESTIGATED: 'investigated',
  ASSESSED: 'assessed', NOT_A_BREACH: 'not a breach', NOTIFYING: 'notifying', REVIEW: 'in review', CLOSED: 'closed', REOPENED: 'reopened'};
const OBLIGATION_STATUS = {OPEN: 'to prepare', PREPARED: 'prepared, to approve', APPROVED: 'approved, to send', SENT: 'sent',
  MISSED: 'deadline missed', SENT_LATE: 'sent late', WITHDRAWN: 'withdrawn'};

function words(table, code) {
  return table[code] || String(code).toLowerCase().replaceAll('_', ' ');
}

function el(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function say(text, isError = false) {
  const message = document.getElementById('message');
  message.textContent = text;
  message.className = isError ? 'error' : '';
}

function showCounts(counts) {
  const parts = Object.entries(counts.byJurisdiction || {}).map(([where, n]) => `${where}: ${n}`);
  const unreachable = Object.values(counts.unreachableByJurisdiction || {}).reduce((a, b) => a + b, 0);
  document.getElementById('counts').textContent = parts.length === 0 ? 'No list uploaded yet.'
      : `On the list: ${parts.join(', ')}; ${unreachable} with out-of-date contact details.`;
}

async function load() {
  if (!incidentId) {
    // Opened from the bar rather than from a task: ask which incident.
    say('Which incident? Open this page from its task in Tasklist, or give its number.');
    document.getElementById('pick').hidden = false;
    document.querySelectorAll('main section').forEach(section => { section.hidden = true; });
    return;
  }
  const response = await fetch(`/notices/incidents/${encodeURIComponent(incidentId)}`, {headers: {Accept: 'application/json'}});
  if (!response.ok) { say(response.status === 404 ? 'No such incident, or not yours to see.' : `The incident could not be loaded (${response.status}).`, true); return; }
  const incident = await response.json();
  csrf = incident.csrf;
  document.getElementById('incident-title').textContent = `${incident.exercise ? 'EXERCISE: ' : ''}Incident ${incident.id}: ${incident.title} (${words(INCIDENT_STATUS, incident.status)})`;
  // A closed incident is shown, not changed: every change would be refused (409) until it is reopened.
  document.querySelectorAll('main form button, main form input, main form textarea, #replan').forEach(control => { control.disabled = incident.closed; });
  if (incident.closed) {
    say(`Closed ${incident.closedAtInWords}: nothing here can change. The privacy lead or the CISO reopens it (POST ${incident.reopen} with a reason); it then goes back to the investigation.`, true);
  }
  showCounts(incident.counts);
  const rows = document.getElementById('obligations');
  rows.replaceChildren();
  let running = false;
  for (const item of incident.obligations) {
    const o = item.obligation;
    const tr = el('tr');
    // Words first; the catalog's codes stay in small print and in the title, for whoever checks them against the rule.
    const recipient = el('td', '', {title: o.recipient});
    recipient.append(el('span', item.recipientName), el('br'), el('small', o.recipient, {class: 'code'}));
    tr.append(recipient, el('td', item.place, {title: o.jurisdiction}), el('td', o.basis, {class: 'basis'}),
        el('td', item.deadline, {class: 'deadline', title: `in the company's time zone, ${incident.zone}`}), el('td', statusOf(o)));
    // A preview is offered only once its document renders; until then the next cell says what it lacks.
    const links = el('td');
    item.notices.forEach(notice => {
      if (notice.renderable) {
        links.append(el('a', `${notice.title} (HTML)`, {href: `/notices/obligations/${o.id}/notice?kind=${notice.kind}`, target: '_blank', 'data-kind': notice.kind}));
        links.append(el('a', 'PDF', {href: `/notices/obligations/${o.id}/notice?kind=${notice.kind}&format=pdf`, target: '_blank'}));
      } else {
        links.append(el('div', `${notice.title}: not ready yet`, {'data-kind': notice.kind}));
      }
    });
    tr.append(links);
    const lacking = item.notices.filter(notice => !notice.renderable);
    const missing = el('td', lacking.length === 0 ? 'nothing' : '', {class: lacking.length === 0 ? 'complete' : 'missing', id: `missing-${o.id}`});
    lacking.forEach(notice => {
      missing.append(el('div', `The ${notice.title} lacks:`));
      const list = el('ul');
      notice.missing.forEach(gap => list.append(el('li', `${gap.words}: ${gap.where}`, {'data-fact': gap.fact})));
      missing.append(list);
    });
    tr.append(missing);
    const letters = el('td', '', {id: `letters-${o.id}`});
    if (item.letters) {
      const batch = item.letters;
      letters.append(el('span', `${batch.done} of ${batch.total} (${batch.status.toLowerCase()})`));
      if (batch.status === 'DONE' && batch.purgedAt) {
        letters.append(el('br'), el('span', `print file purged after the dispatch (${batch.purgedAt.substring(0, 10)})`));
        letters.append(el('div', `SHA-256 ${batch.archiveSha256}`, {class: 'missing'}));
      } else if (batch.status === 'DONE') {
        letters.append(el('br'), el('a', 'print file (ZIP)', {href: `/notices/obligations/${o.id}/letters/archive`}));
        letters.append(el('div', `SHA-256 ${batch.archiveSha256}`, {class: 'missing'}));
      } else if (batch.status === 'QUEUED' || batch.status === 'RUNNING') {
        running = true;
      }
    } else if (!incident.closed && ['individual-notice', 'data-subject-notice'].some(kind => item.documents.includes(kind)) && ['APPROVED', 'SENT', 'SENT_LATE'].includes(o.status)) {
      const start = el('button', 'Make the letters');
      start.addEventListener('click', () => startLetters(o.id));
      letters.append(start);
    }
    tr.append(letters);
    rows.append(tr);
  }
  loadEvidence();
  if (running) setTimeout(load, 3000);
}

async function loadEvidence() {
  const list = document.getElementById('evidence');
  const response = await fetch(`/notices/incidents/${encodeURIComponent(incidentId)}/evidence`, {headers: {Accept: 'application/json'}});
  if (!response.ok) return;
  list.replaceChildren(...(await response.json()).map(item => {
    const li = el('li');
    li.append(el('a', item.fileName, {href: `/notices/incidents/${encodeURIComponent(incidentId)}/evidence/${item.id}`}));
    li.append(el('span', ` ${item.size} bytes, by ${item.uploadedBy}${item.note ? ' — ' + item.note : ''}`));
    li.append(el('div', `SHA-256 ${item.sha256}`, {class: 'missing'}));
    return li;
  }));
}

document.getElementById('evidence-upload').addEventListener('submit', async event => {
  event.preventDefault();
  const data = new FormData();
  data.append('file', document.getElementById('evidence-file').files[0]);
  data.append('note', document.getElementById('evidence-note').value);
  const response = await fetch(`/notices/incidents/${encodeURIComponent(incidentId)}/evidence`,
      {method: 'POST', body: data, headers: {[csrf.header]: csrf.token}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) { say(body.detail || `The file could not be attached (${response.status}).`, true); return; }
  say(`Attached: ${body.fileName}.`);
  loadEvidence();
});

async function startLetters(obligationId) {
  const response = await fetch(`/notices/obligations/${obligationId}/letters`, {method: 'POST', headers: {[csrf.header]: csrf.token}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) { say(body.detail || `The letters could not be started (${response.status}).`, true); return; }
  say(`Letters started: ${body.total} to make.`);
  load();
}

document.getElementById('facts').addEventListener('submit', async event => {
  event.preventDefault();
  // The counts go as typed: the server reads them line by line and refuses a bad line by its number, storing nothing.
  const facts = {};
  const counts = document.getElementById('facts-counts').value;
  if (counts.trim()) facts.affectedCountsText = counts;
  const determination = document.getElementById('facts-determination').value;
  if (determination) facts.determinationAt = new Date(determination).toISOString();
  const response = await fetch(`/notices/incidents/${encodeURIComponent(incidentId)}/facts`,
      {method: 'POST', body: JSON.stringify(facts), headers: {'Content-Type': 'application/json', [csrf.header]: csrf.token}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) { say(`${body.detail || `The facts could not be saved (${response.status}).`} Nothing was saved.`, true); return; }
  say(`Facts saved and planned again: ${body.obligations} obligations, ${body.startedObligations.length} of them new.`);
  load();
});

document.getElementById('replan').addEventListener('click', async () => {
  const response = await fetch(`/notices/incidents/${encodeURIComponent(incidentId)}/replan`, {method: 'POST', headers: {[csrf.header]: csrf.token}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) { say(body.detail || `The plan could not be made again (${response.status}).`, true); return; }
  say(`Planned again: ${body.obligations} obligations, ${body.startedObligations.length} of them new.`);
  load();
});

document.getElementById('upload').addEventListener('submit', async event => {
  event.preventDefault();
  const data = new FormData();
  data.append('file', document.getElementById('file').files[0]);
  const complete = document.getElementById('complete').checked;
  const response = await fetch(`/notices/incidents/${encodeURIComponent(incidentId)}/affected-individuals?complete=${complete}`,
      {method: 'POST', body: data, headers: {[csrf.header]: csrf.token}});
  const body = await response.json().catch(() => ({}));
  const problems = document.getElementById('problems');
  problems.replaceChildren();
  if (!response.ok) {
    say(body.title ? `${body.title}: nothing was stored.` : `The upload failed (${response.status}).`, true);
    (body.problems || []).forEach(p => problems.append(el('li', `line ${p.line}${p.column ? ', ' + p.column : ''}: ${p.problem}`)));
    if (!body.problems && body.detail) problems.append(el('li', body.detail));
    return;
  }
  say(`${body.byJurisdiction ? Object.values(body.byJurisdiction).reduce((a, b) => a + b, 0) : 0} people stored.`);
  showCounts(body);
  load();
});

load();

/** The status in words, with what is provisional or waits for the privacy office's decision. */
function statusOf(o) {
  const notes = [];
  if (o.provisional) notes.push('provisional: from the report, until the assessment');
  if (o.withdrawalProposed) notes.push('the plan no longer finds it: confirm or keep it in Tasklist');
  if (o.keptBy) notes.push(`kept by ${o.keptBy}`);
  if (o.status === 'WITHDRAWN' && o.withdrawnBy) notes.push(`withdrawn by ${o.withdrawnBy}`);
  const status = words(OBLIGATION_STATUS, o.status);
  return notes.length ? `${status} (${notes.join('; ')})` : status;
}
