// The evidence page of one incident (/evidence?incident=ID). Every value is put on the page as text, never as markup.
const incidentId = new URLSearchParams(location.search).get('incident');
const base = `/evidence/incidents/${encodeURIComponent(incidentId)}`;
let csrf = null;

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

async function load() {
  if (!incidentId) { say('Open this page from a task: the containment task links to it.', true); return; }
  const response = await fetch(base, {headers: {Accept: 'application/json'}});
  if (!response.ok) {
    say(response.status === 404 ? `There is no incident ${incidentId}.`
        : response.status === 403 ? 'Your group may not see the evidence of incidents.' : `The incident could not be loaded (${response.status}).`, true);
    document.querySelectorAll('form button, form input, form textarea').forEach(control => { control.disabled = true; });
    return;
  }
  const incident = await response.json();
  csrf = incident.csrf;
  document.getElementById('incident-title').textContent = `Incident ${incident.id} (${incident.status.toLowerCase()})`;
  const readOnly = incident.closed || !incident.mayAttach;
  document.querySelectorAll('form button, form input, form textarea').forEach(control => { control.disabled = readOnly; });
  if (incident.closed) say('The incident is closed: it takes no more evidence.', true);
  else if (!incident.mayAttach) say('You may read the evidence; IT operations, the privacy office and the CISO attach it.');
  loadFiles();
}

async function loadFiles() {
  const list = document.getElementById('evidence');
  const response = await fetch(`${base}/files`, {headers: {Accept: 'application/json'}});
  if (!response.ok) return;
  const files = await response.json();
  if (files.length === 0) { list.replaceChildren(el('li', 'Nothing attached yet.')); return; }
  list.replaceChildren(...files.map(item => {
    const li = el('li');
    li.append(el('a', item.fileName, {href: `${base}/files/${item.id}`}));
    li.append(el('span', ` ${item.size} bytes, by ${item.uploadedBy}, ${new Date(item.uploadedAt).toLocaleString()}${item.note ? ' — ' + item.note : ''}`));
    li.append(el('div', `SHA-256 ${item.sha256}`, {class: 'missing'}));
    return li;
  }));
}

document.getElementById('evidence-upload').addEventListener('submit', async event => {
  event.preventDefault();
  const file = document.getElementById('evidence-file').files[0];
  if (!file) { say('Choose a file first.', true); return; }
  const data = new FormData();
  data.append('file', file);
  data.append('note', document.getElementById('evidence-note').value);
  const response = await fetch(`${base}/files`, {method: 'POST', body: data, headers: {[csrf.header]: csrf.token}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) { say(body.detail || `The file could not be attached (${response.status}).`, true); return; }
  say(`Attached: ${body.fileName}.`);
  event.target.reset();
  loadFiles();
});

load();
