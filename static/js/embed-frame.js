/* Inside the embedded timeline (/embed/): tell the parent page how tall the timeline is, so the
   frame never scrolls inside itself, and where a deep-linked event (#event-123) is, so the parent
   can scroll to it. The messages carry only numbers; embed-parent.js checks where they come from. */
(function () {
  "use strict";
  if (window.parent === window) {
    return;
  }
  var sent = 0;

  function sendHeight() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height !== sent) {
      sent = height;
      window.parent.postMessage({ type: "newsroom-timeline:height", height: height }, "*");
    }
  }

  function sendTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var element = id && document.getElementById(id);
    if (element) {
      var top = element.getBoundingClientRect().top + window.scrollY;
      window.parent.postMessage({ type: "newsroom-timeline:scroll", top: Math.round(top) }, "*");
    }
  }

  window.addEventListener("load", function () {
    sendHeight();
    sendTarget();
  });
  window.addEventListener("hashchange", sendTarget);
  if ("ResizeObserver" in window) {
    new ResizeObserver(sendHeight).observe(document.body);
  } else {
    window.addEventListener("resize", sendHeight);
  }
})();
