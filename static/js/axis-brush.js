/* Dragging across the time axis (timeline/includes/axis.html) selects a range of periods: on
   release, date_from/date_to are set through htmx like a bar's own link (the server pushes the
   URL), or by navigating where htmx is absent. A click without a drag is left to the bar's link,
   so keyboard and no-JavaScript use are unchanged. Delegated, so it survives htmx swaps. */
(function () {
  "use strict";
  var brush = null;

  function cellAt(x, y) {
    var element = document.elementFromPoint(x, y);
    var cell = element && element.closest(".axis-cell");
    return cell && brush && cell.parentNode === brush.list ? cell : null;
  }

  function cells() {
    return Array.prototype.slice.call(brush.list.children);
  }

  function chosen() {
    var all = cells();
    var from = all.indexOf(brush.start);
    var to = all.indexOf(brush.end);
    return all.slice(Math.min(from, to), Math.max(from, to) + 1);
  }

  function paint() {
    var range = chosen();
    cells().forEach(function (cell) {
      cell.classList.toggle("is-brushed", range.indexOf(cell) !== -1);
    });
  }

  function clear() {
    if (brush) {
      cells().forEach(function (cell) {
        cell.classList.remove("is-brushed");
      });
    }
    brush = null;
  }

  document.addEventListener("dragstart", function (event) {
    if (event.target.closest && event.target.closest(".axis-bars")) {
      event.preventDefault();
    }
  });

  document.addEventListener("pointerdown", function (event) {
    var list = event.target.closest && event.target.closest(".axis-bars");
    if (!list || event.button !== 0) {
      return;
    }
    var start = event.target.closest(".axis-cell");
    brush = { list: list, start: start, end: start, moved: false };
  });

  document.addEventListener("pointermove", function (event) {
    if (!brush) {
      return;
    }
    var cell = cellAt(event.clientX, event.clientY);
    if (cell && cell !== brush.end) {
      brush.end = cell;
      brush.moved = brush.end !== brush.start;
      paint();
    }
  });

  document.addEventListener("pointerup", function () {
    if (!brush) {
      return;
    }
    var range = brush.moved ? chosen() : [];
    var list = brush.list;
    if (range.length < 2) {
      clear();
      return;
    }
    var url = new URL(list.dataset.url, window.location.href);
    url.searchParams.set("date_from", range[0].dataset.dateFrom);
    url.searchParams.set("date_to", range[range.length - 1].dataset.dateTo);
    url.searchParams.delete("page");
    var target = list.dataset.target;
    brush.done = true;
    if (window.htmx && target && document.querySelector(target)) {
      window.htmx.ajax("GET", url.pathname + url.search, { target: target, source: list });
    } else {
      window.location.assign(url.href);
    }
  });

  /* A drag that ended on another bar is not also a click on it. */
  document.addEventListener(
    "click",
    function (event) {
      if (brush && brush.done) {
        event.preventDefault();
        event.stopPropagation();
        clear();
      }
    },
    true
  );
  document.addEventListener("pointercancel", clear);
  document.addEventListener("htmx:beforeSwap", clear);
})();
