/* A table box is a keyboard stop, and a region named by its caption, only while the
 * table is wider than the box (so it scrolls). Without JavaScript every box stays a
 * named stop, as the server sends it. */
(function () {
  "use strict";
  function update() {
    var boxes = document.querySelectorAll(".table-wrap[data-caption]");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-labelledby", box.getAttribute("data-caption"));
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-labelledby");
      }
    }
  }
  update();
  window.addEventListener("resize", update);
})();
