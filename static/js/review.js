// Keyboard shortcuts for the review queue: j/k move between proposals, c confirms, x rejects,
// e opens the edit form. Keys typed into a field are left alone. Without this file (or
// JavaScript) the buttons and forms work as before.
(function () {
  "use strict";
  function cards() { return Array.from(document.querySelectorAll("[data-card]")); }
  function current() {
    var active = document.activeElement;
    var card = active && active.closest ? active.closest("[data-card]") : null;
    return card || document.querySelector("[data-card].is-current");
  }
  function focusCard(card) {
    if (!card) return;
    cards().forEach(function (c) { c.classList.toggle("is-current", c === card); });
    card.focus();
    card.scrollIntoView({ block: "nearest" });
  }
  function move(step) {
    var all = cards();
    var index = all.indexOf(current());
    focusCard(all[Math.min(all.length - 1, Math.max(0, index + step))] || all[0]);
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
    var card = current();
    var button;
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "c":
      case "x":
        button = card && card.querySelector(event.key === "c" ? "[data-action=confirm]" : "[data-action=reject]");
        if (button) button.click();
        break;
      case "e":
        var edit = card && card.querySelector("details[data-edit]");
        if (!edit) return;
        edit.open = true;
        var field = edit.querySelector("textarea, input:not([type=hidden]), select");
        if (field) field.focus();
        break;
      default:
        return;
    }
    event.preventDefault();
  });
  // After htmx swaps a card, keep the keyboard where it was: on the same (new) card.
  document.addEventListener("htmx:afterSwap", function (event) {
    var id = event.detail.target && event.detail.target.id;
    var swapped = id && document.getElementById(id);
    if (swapped) focusCard(swapped);
  });
})();
