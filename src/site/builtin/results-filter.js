// Progressive enhancement of a results page: the box above the results table filters its rows as one
// types part of a name or a unit. The page carries the box with the `hidden` attribute, so without
// JavaScript there is no box and every row shows.
//
// A row matches when the text typed is part of one of its cells under a column header marked
// `data-filter-key` (姓名, 参赛单位): a plain substring match, after both are normalised (NFKC, so full-width
// letters and digits match their ASCII forms; lower case; no white space). A table marked
// `data-filter-table` whose rows all fail to match is hidden with its section (the closest
// `[data-filter-section]`, say the table's scrolling wrapper and its heading). The status line, a polite
// live region, says how many rows are shown of how many, or that nothing matched.
(function () {
  var box = document.querySelector("[data-results-filter]");
  var input = box && box.querySelector("input");
  var status = box && box.querySelector("[role=status]");
  if (!input || !status) return;

  function normalise(text) {
    var s = String(text);
    if (s.normalize) s = s.normalize("NFKC");
    return s.toLowerCase().replace(/\s+/g, "");
  }

  // Every table: its section and its rows, each with the normalised text of its key cells.
  var tables = [];
  var total = 0;
  var found = document.querySelectorAll("table[data-filter-table]");
  for (var t = 0; t < found.length; t++) {
    var table = found[t];
    var head = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    var columns = [];
    for (var c = 0; head && c < head.cells.length; c++) {
      if (head.cells[c].hasAttribute("data-filter-key")) columns.push(c);
    }
    var rows = [];
    for (var b = 0; b < table.tBodies.length; b++) {
      var bodyRows = table.tBodies[b].rows;
      for (var r = 0; r < bodyRows.length; r++) {
        var keys = [];
        for (var k = 0; k < columns.length; k++) {
          var cell = bodyRows[r].cells[columns[k]];
          if (cell) keys.push(normalise(cell.textContent));
        }
        // A separator that no normalised text holds, so a match never spans two cells.
        rows.push({ row: bodyRows[r], key: keys.join("\u0000") });
      }
    }
    total += rows.length;
    tables.push({ section: table.closest ? table.closest("[data-filter-section]") || table : table, rows: rows });
  }

  var announce = 0;
  function apply() {
    var query = normalise(input.value);
    var shown = 0;
    for (var i = 0; i < tables.length; i++) {
      var matched = 0;
      var list = tables[i].rows;
      for (var j = 0; j < list.length; j++) {
        var hit = query === "" || list[j].key.indexOf(query) !== -1;
        if (list[j].row.hidden === hit) list[j].row.hidden = !hit;
        if (hit) matched++;
      }
      tables[i].section.hidden = matched === 0 && query !== "";
      shown += matched;
    }
    var words = "";
    if (query !== "") {
      words = shown === 0
        ? "没有找到与“" + input.value.trim() + "”相符的姓名或参赛单位，请检查输入，或查看其他赛项和组别的成绩。"
        : "显示 " + shown + " 条，共 " + total + " 条。";
    }
    // Said once typing pauses, not at every key.
    clearTimeout(announce);
    announce = setTimeout(function () { status.textContent = words; }, 300);
  }

  input.addEventListener("input", apply);
  box.hidden = false;
  if (input.value) apply();
})();
