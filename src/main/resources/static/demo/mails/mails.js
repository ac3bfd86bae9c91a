// Demo mails: what the mail catcher received. Every value is put on the page as text, never as markup.
function el(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

async function load() {
  const response = await fetch('/demo/mails/list', {headers: {Accept: 'application/json'}});
  const message = document.getElementById('message');
  if (!response.ok) { message.textContent = `The mails could not be loaded (${response.status}).`; message.className = 'error'; return; }
  const page = await response.json();
  document.getElementById('where').textContent = `Mail catcher on 127.0.0.1:${page.port}`;
  const list = document.getElementById('mails');
  if (page.mails.length === 0) { list.replaceChildren(el('li', 'No mail yet. Reminders and escalations appear here when they are sent.')); return; }
  list.replaceChildren(...page.mails.map(mail => {
    const li = el('li', null, {'data-message-id': mail.messageId});
    const details = el('details');
    details.append(el('summary', mail.subject));
    details.append(el('pre', mail.body, {class: 'mail-body'}));
    li.append(details);
    li.append(el('div', `To ${mail.to} · sent ${mail.sent}`));
    return li;
  }));
}

load();
