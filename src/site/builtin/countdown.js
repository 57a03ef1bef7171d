// Progressive enhancement: the deadline is plain text in the page; this adds a live "还剩 N 天" line.
(function () {
  var nodes = document.querySelectorAll("[data-deadline]");
  for (var i = 0; i < nodes.length; i++) {
    var node = nodes[i];
    var deadline = Date.parse(node.getAttribute("data-deadline"));
    var out = node.querySelector(".countdown");
    if (isNaN(deadline) || !out) continue;
    var left = deadline - Date.now();
    if (left <= 0) { out.textContent = "报名已截止"; continue; }
    var days = Math.floor(left / 86400000);
    var hours = Math.floor((left % 86400000) / 3600000);
    out.textContent = "距报名截止还剩 " + days + " 天 " + hours + " 小时";
  }
})();
