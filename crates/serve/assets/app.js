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
