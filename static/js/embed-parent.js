/* On the page that embeds the timeline: size each timeline frame to the height its page reports,
   and scroll to a deep-linked event inside it. Only messages from this script's own origin, and
   from one of the timeline frames, are acted on. No inline style: the frame's height attribute. */
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = script ? new URL(script.src, window.location.href).origin : window.location.origin;

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || typeof data !== "object") {
      return;
    }
    var frames = document.querySelectorAll("iframe.newsroom-timeline-embed");
    Array.prototype.forEach.call(frames, function (frame) {
      if (frame.contentWindow !== event.source) {
        return;
      }
      if (data.type === "newsroom-timeline:height" && data.height > 0) {
        frame.setAttribute("height", String(Math.ceil(data.height)));
      } else if (data.type === "newsroom-timeline:scroll" && data.top >= 0) {
        var top = frame.getBoundingClientRect().top + window.scrollY + data.top;
        window.scrollTo({ top: top, behavior: "smooth" });
      }
    });
  });
})();
