// Progressive enhancement: the registration window is plain text in the page; this adds a live "还剩 N 天"
// line: before `data-opens` (when given) it counts down to the opening, then to the deadline, and it links
// to the online registration platform (`data-register-url`, when given) while registration is open.
(function () {
  function left(ms) {
    var days = Math.floor(ms / 86400000);
    var hours = Math.floor((ms % 86400000) / 3600000);
    return days + " 天 " + hours + " 小时";
  }
  var nodes = document.querySelectorAll("[data-deadline]");
  for (var i = 0; i < nodes.length; i++) {
    var node = nodes[i];
    var deadline = Date.parse(node.getAttribute("data-deadline"));
    var opens = Date.parse(node.getAttribute("data-opens") || "");
    var url = node.getAttribute("data-register-url");
    var out = node.querySelector(".countdown");
    if (isNaN(deadline) || !out) continue;
    var now = Date.now();
    if (deadline - now <= 0) { out.textContent = "报名已截止"; continue; }
    if (!isNaN(opens) && opens - now > 0) {
      out.textContent = "距报名开始还剩 " + left(opens - now);
      continue;
    }
    out.textContent = "距报名截止还剩 " + left(deadline - now);
    if (url && /^https?:\/\//i.test(url)) {
      var link = document.createElement("a");
      link.href = url;
      link.rel = "noopener";
      link.textContent = "立即网上报名";
      out.appendChild(document.createTextNode("，"));
      out.appendChild(link);
    }
  }
})();
