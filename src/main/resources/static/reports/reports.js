// "My reports": the incidents the logged-in person reported. Every value is put on the page as text, never as markup.
function el(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

async function load() {
  const response = await fetch('/reports/mine', {headers: {Accept: 'application/json'}});
  const message = document.getElementById('message');
  if (!response.ok) { message.textContent = `Your reports could not be loaded (${response.status}).`; message.className = 'error'; return; }
  const page = await response.json();
  document.getElementById('who').textContent = `Reported by ${page.user}`;
  const list = document.getElementById('reports');
  if (page.reports.length === 0) { list.replaceChildren(el('li', 'You have not reported an incident.')); return; }
  list.replaceChildren(...page.reports.map(report => {
    const li = el('li', null, {'data-incident': report.id});
    li.append(el('strong', `Incident ${report.id}: ${report.title}`));
    li.append(el('div', `Reported ${new Date(report.reportedAt).toLocaleString()}`));
    li.append(el('div', report.whereItStands, {class: 'status'}));
    return li;
  }));
}

load();
