// Builds DOM nodes from data without innerHTML, so account and debtor text can never inject markup.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.flat().filter(c => c !== undefined && c !== null && c !== false));
  return element;
}

export const testId = id => ({ "data-testid": id });

// A labelled form control, with an optional hint under it.
export const field = (label, control, hint) =>
  h("label", { class: "field" }, h("span", {}, label), control, hint ? h("small", {}, hint) : null);
