// The rule catalog for counsel. Every value is put on the page as text, never as markup.
function el(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function pairs(list, entries) {
  entries.filter(([, value]) => value !== null && value !== undefined && value !== '')
    .forEach(([term, value]) => { list.append(el('dt', term)); list.append(el('dd', value)); });
  return list;
}

function counts(byTag) {
  return Object.entries(byTag).map(([tag, n]) => `${tag} ${n}`).join(' · ');
}

function hasUnverified(j) {
  return (j.definition && j.definition.confidence === 'UNVERIFIED') || j.rules.some(r => r.confidence === 'UNVERIFIED');
}

function definitionList(d) {
  return pairs(el('dl'), [
    ['Statute', d.statute], ['Definitions', `${d.basis} [${d.confidence}]`], ['Breach is', d.trigger],
    ['Personal information with a name', d.personalInformationWithName.join(', ')],
    ['Personal information alone', d.personalInformationAlone.join(', ')],
    ['Encryption', d.encryption], ['Good-faith employee acquisition', d.goodFaithEmployeeExclusion ? 'not a breach' : 'a breach'],
    ['Risk of harm', d.riskOfHarm], ['Note', d.note]]);
}

function rulesTable(rules) {
  const table = el('table');
  const head = el('tr');
  ['Rule', 'Recipient', 'When', 'Threshold', 'Citation', 'Tag', 'HIPAA entities', 'Notes'].forEach(h => head.append(el('th', h, {scope: 'col'})));
  const thead = el('thead');
  thead.append(head);
  table.append(thead);
  const body = el('tbody');
  rules.forEach(r => {
    const row = el('tr', null, {'data-rule': r.id});
    row.append(el('td', r.id), el('td', r.recipient), el('td', r.clock), el('td', r.threshold || '—'), el('td', `${r.basis} (${r.regime})`),
      el('td', r.confidence, {class: `confidence-${r.confidence}`}),
      el('td', r.hipaaNote ? `${r.hipaaEntities}: ${r.hipaaNote}` : r.hipaaEntities),
      el('td', [r.appliesTo, r.lawEnforcementDelay ? 'law-enforcement delay' : '', ...r.ambiguities, r.advice, r.note].filter(Boolean).join('; ')));
    body.append(row);
  });
  table.append(body);
  const scroll = el('div', null, {class: 'table-scroll'});
  scroll.append(table);
  return scroll;
}

function render(catalog) {
  const filter = document.getElementById('filter').value;
  const shown = catalog.jurisdictions.filter(j => filter === '' || (filter === 'UNVERIFIED' && hasUnverified(j))
    || (filter === 'US' && j.code.startsWith('US-')) || (filter === 'other' && !j.code.startsWith('US-')));
  document.getElementById('jurisdictions').replaceChildren(...shown.map(j => {
    const section = el('section', null, {class: 'panel jurisdiction', id: j.code, 'data-code': j.code});
    section.append(el('h2', `${j.name} (${j.code})`));
    if (j.definition) section.append(definitionList(j.definition));
    section.append(rulesTable(j.rules));
    return section;
  }));
}

async function load() {
  const response = await fetch('/catalog/data', {headers: {Accept: 'application/json'}});
  const message = document.getElementById('message');
  if (!response.ok) { message.textContent = `The catalog could not be loaded (${response.status}).`; message.className = 'error'; return; }
  const catalog = await response.json();
  document.getElementById('version').textContent = `Catalog version ${catalog.version}`;
  const coverage = catalog.usCoverage;
  pairs(document.getElementById('summary'), [
    ['US jurisdictions covered', `${coverage.covered} of ${coverage.expected}`],
    ['Rules by confidence', counts(catalog.rulesByConfidence)],
    ['State definitions by confidence', counts(catalog.definitionsByConfidence)],
    ['UNVERIFIED entries', catalog.unverified.length === 0 ? 'none' : catalog.unverified.join(', ')]]);
  document.getElementById('missing').textContent = coverage.missing.length === 0 ? ''
    : `Not yet covered (plans for these list a catalog_coverage ambiguity): ${coverage.missing.join(', ')}`;
  document.getElementById('filter').addEventListener('change', () => render(catalog));
  render(catalog);
}

load();
