// bianyi serve: hovering an ambiguity in the list outlines its place in
// the source, and the other way round. Everything works without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const pair = (el) => {
    const id = el.id;
    if (/^a\d+$/.test(id)) return document.getElementById("s" + id.slice(1));
    if (/^s\d+$/.test(id)) return document.getElementById("a" + id.slice(1));
    return null;
  };
  for (const el of document.querySelectorAll("a.amb, ol.ambiguities > li")) {
    el.addEventListener("mouseenter", () => {
      const other = pair(el);
      if (other) other.classList.add("focus");
    });
    el.addEventListener("mouseleave", () => {
      const other = pair(el);
      if (other) other.classList.remove("focus");
    });
  }
});

// Selecting a few words in the source fills the "add a term" form below
// the document and opens it (the form works without this too).
document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("add-term");
  const source = document.querySelector(".columns > section:first-child pre.text");
  if (!box || !source) return;
  const fill = () => {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || !source.contains(sel.anchorNode)) return;
    const text = sel.toString().trim();
    if (text === "" || text.length > 100 || /[\r\n\t]/.test(text)) return;
    box.querySelector("input.term-source").value = text;
    box.open = true;
    box.querySelector("input.term-target").focus();
  };
  source.addEventListener("mouseup", fill);
  source.addEventListener("keyup", fill);
});
