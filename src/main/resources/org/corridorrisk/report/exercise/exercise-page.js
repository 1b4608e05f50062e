// corridor-risk exercise page: a replayed trial stepped day by day. Self-contained, no network.
// Two views: controller (the whole trial, branches, injects) and participants (nothing after the
// current day). URL hash options: #day=N, #view=participants, #step=K (press "next" K times after
// loading; used by the browser test).
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('exercise-data').textContent);
  var X = D.exercise, NET = D.network, H = X.horizon_days;
  var COLORS = ['#1f5fa8', '#d9822b', '#2e8540', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d'];
  var state = { day: 0, view: 'controller' };
  var nodeById = {}, linkById = {};
  NET.nodes.forEach(function (n) { nodeById[n.id] = n; });
  NET.links.forEach(function (l) { linkById[l.id] = l; });
  var unit = {};
  X.commodities.forEach(function (c) { unit[c.id] = c.unit; });

  function $(id) { return document.getElementById(id); }
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function num(v) {
    if (v == null || isNaN(v)) return '-';
    var a = Math.abs(v), s = v < 0 ? '-' : '';
    if (a === 0) return '0';
    if (a < 0.001) return v.toExponential(1);
    var suf = ['', 'k', 'M', 'bn', 'tn'], k = 0;
    while (k < suf.length - 1 && a >= 999.5) { a /= 1000; k++; }
    return s + Number(a.toPrecision(3)).toString() + suf[k];
  }
  function days(n) { return n + (n === 1 ? ' day' : ' days'); }
  function pct(x) {
    if (x == null || isNaN(x)) return '-';
    var p = x * 100;
    if (p > 0 && p < 0.01) return '<0.01%';
    return Number(p.toPrecision(3)).toString() + '%';
  }
  function dateLabel(d) {
    var iso = X.days[d] ? X.days[d].date : '';
    if (X.start_date) {
      var t = new Date(iso + 'T00:00:00Z');
      return t.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    }
    var m = /^--(\d\d)-(\d\d)$/.exec(iso);
    if (!m) return iso;
    var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return (+m[2]) + ' ' + months[+m[1] - 1];
  }
  function svgEl(tag, attrs, text) {
    var e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }

  // ------------------------------------------------------------------ map layout
  var W = 640, HM = 420, PAD = 34;
  var pos = {};
  (function layout() {
    // without a location on every node: the report's schematic (columns by hops from the sources
    // and storages), computed in Java and given as node.schematic = [column, height 0..1]
    if (NET.nodes.some(function (n) { return n.schematic; })) {
      var cols = 0;
      NET.nodes.forEach(function (n) { cols = Math.max(cols, n.schematic[0]); });
      var colW = (W - 2 * PAD) / (cols + 1), top = PAD, h = HM - 2 * PAD - 30;
      NET.nodes.forEach(function (n) {
        pos[n.id] = [PAD + (n.schematic[0] + 0.5) * colW, top + (1 - n.schematic[1]) * h];
      });
      return;
    }
    var located = NET.nodes.filter(function (n) { return n.lat != null && n.lon != null; });
    var lat0 = 0;
    located.forEach(function (n) { lat0 += n.lat; });
    lat0 = located.length ? lat0 / located.length : 0;
    var k = Math.cos(lat0 * Math.PI / 180);
    var raw = {};
    located.forEach(function (n) { raw[n.id] = [n.lon * k, -n.lat]; });
    // unlocated nodes: mean of located neighbours, else a row at the bottom
    var rest = NET.nodes.filter(function (n) { return !raw[n.id]; });
    for (var pass = 0; pass < 3; pass++) {
      rest.forEach(function (n) {
        if (raw[n.id]) return;
        var sx = 0, sy = 0, c = 0;
        NET.links.forEach(function (l) {
          var o = l.from === n.id ? l.to : l.to === n.id ? l.from : null;
          if (o && raw[o]) { sx += raw[o][0]; sy += raw[o][1]; c++; }
        });
        if (c) raw[n.id] = [sx / c + 0.15 * (pass + 1), sy / c + 0.1];
      });
    }
    var xs = [], ys = [];
    Object.keys(raw).forEach(function (id) { xs.push(raw[id][0]); ys.push(raw[id][1]); });
    var minX = 0, maxX = 1, minY = 0, maxY = 1;
    if (xs.length) {
      minX = Math.min.apply(null, xs); maxX = Math.max.apply(null, xs);
      minY = Math.min.apply(null, ys); maxY = Math.max.apply(null, ys);
      if (maxX - minX < 1e-6) { minX -= 0.5; maxX += 0.5; }
      if (maxY - minY < 1e-6) { minY -= 0.5; maxY += 0.5; }
    }
    var sx = (W - 2 * PAD) / Math.max(1e-9, maxX - minX), sy = (HM - 2 * PAD - 30) / Math.max(1e-9, maxY - minY);
    var s = Math.min(sx, sy);
    var offX = (W - s * (maxX - minX)) / 2, offY = (HM - 30 - s * (maxY - minY)) / 2;
    Object.keys(raw).forEach(function (id) {
      pos[id] = [offX + (raw[id][0] - minX) * s, offY + (raw[id][1] - minY) * s];
    });
    var i = 0, left = NET.nodes.filter(function (n) { return !pos[n.id]; });
    left.forEach(function (n) { pos[n.id] = [PAD + (i++ + 0.5) * (W - 2 * PAD) / left.length, HM - 18]; });
  })();

  var mapEls = { links: {}, nodes: {} };

  // Labels of sources, storages and sinks (the most people or demand first): each takes the first
  // of eight places around its mark (right, left, above, below, then the corners) whose box stays in the
  // drawing and overlaps no label placed before and no other mark; a label with no such place is
  // left out (the mark's tooltip still names it). Ids longer than 32 characters keep their first
  // 16 and last 15 characters around an ellipsis. Widths are estimated at 5.6 px a character
  // (9 px DejaVu Sans averages about 5.4).
  var LABEL_CHAR_PX = 5.6, LABEL_H = 10;
  function shortLabel(id) { return id.length > 32 ? id.slice(0, 16) + '\u2026' + id.slice(-15) : id; }
  function placeLabels() {
    var rank = { source: 0, storage: 1, sink: 2 };
    var cands = NET.nodes.filter(function (n) { return n.kind !== 'junction' && pos[n.id]; });
    cands.sort(function (a, b) {
      return rank[a.kind] - rank[b.kind] || (b.population || 0) - (a.population || 0) || (b.demand || 0) - (a.demand || 0);
    });
    var marks = NET.nodes.filter(function (n) { return pos[n.id]; }).map(function (n) {
      var p = pos[n.id]; return { id: n.id, x0: p[0] - 7, y0: p[1] - 7, x1: p[0] + 7, y1: p[1] + 7 };
    });
    var placed = [], out = [];
    function hits(bx, list, skip) {
      return list.some(function (o) { return o.id !== skip && bx.x0 < o.x1 && o.x0 < bx.x1 && bx.y0 < o.y1 && o.y0 < bx.y1; });
    }
    cands.forEach(function (n) {
      var p = pos[n.id], text = shortLabel(n.id), w = text.length * LABEL_CHAR_PX;
      // [x, y of the text's baseline, anchor]
      var tries = [[p[0] + 9, p[1] + 3, 'start'], [p[0] - 9, p[1] + 3, 'end'], [p[0], p[1] - 9, 'middle'],
        [p[0], p[1] + 17, 'middle'], [p[0] + 7, p[1] - 7, 'start'], [p[0] + 7, p[1] + 14, 'start'],
        [p[0] - 7, p[1] - 7, 'end'], [p[0] - 7, p[1] + 14, 'end']];
      for (var i = 0; i < tries.length; i++) {
        var t = tries[i], x0 = t[2] === 'start' ? t[0] : t[2] === 'end' ? t[0] - w : t[0] - w / 2;
        var bx = { id: n.id, x0: x0, y0: t[1] - LABEL_H + 2, x1: x0 + w, y1: t[1] + 2 };
        if (bx.x0 < 0 || bx.x1 > W || bx.y0 < 0 || bx.y1 > HM) continue;
        if (hits(bx, placed, null) || hits(bx, marks, n.id)) continue;
        placed.push(bx);
        out.push({ id: n.id, text: text, x: t[0], y: t[1], anchor: t[2] });
        break;
      }
    });
    return out;
  }
  (function drawMap() {
    var svg = $('map');
    var seen = {};
    var gl = svgEl('g', {}), gn = svgEl('g', {}), gt = svgEl('g', {});
    NET.links.forEach(function (l) {
      var a = pos[l.from], b = pos[l.to];
      if (!a || !b) return;
      var key = [l.from, l.to].sort().join('|');
      var n = seen[key] = (seen[key] || 0) + 1;
      var dx = b[0] - a[0], dy = b[1] - a[1], len = Math.sqrt(dx * dx + dy * dy) || 1;
      var off = (n - 1) * 9 * (n % 2 ? 1 : -1);
      var mx = (a[0] + b[0]) / 2 - dy / len * off, my = (a[1] + b[1]) / 2 + dx / len * off;
      var p = svgEl('path', { d: 'M' + a[0].toFixed(1) + ',' + a[1].toFixed(1) + ' Q' + mx.toFixed(1) + ',' + my.toFixed(1) + ' ' + b[0].toFixed(1) + ',' + b[1].toFixed(1),
        'class': 'link', fill: 'none', 'stroke-width': 3, 'data-id': l.id });
      var t = svgEl('title', {}, l.id);
      p.appendChild(t);
      gl.appendChild(p);
      mapEls.links[l.id] = { el: p, title: t };
    });
    NET.nodes.forEach(function (n) {
      var p = pos[n.id];
      var shape = n.kind === 'storage' ? svgEl('rect', { x: p[0] - 6, y: p[1] - 6, width: 12, height: 12, rx: 2 })
        : svgEl('circle', { cx: p[0], cy: p[1], r: n.kind === 'sink' ? 7 : n.kind === 'source' ? 6 : 4 });
      shape.setAttribute('stroke', '#fff');
      shape.setAttribute('stroke-width', 1.5);
      shape.setAttribute('data-id', n.id);
      var t = svgEl('title', {}, n.id);
      shape.appendChild(t);
      gn.appendChild(shape);
      mapEls.nodes[n.id] = { el: shape, title: t };
    });
    placeLabels().forEach(function (lb) {
      var text = svgEl('text', { x: lb.x.toFixed(1), y: lb.y.toFixed(1), 'text-anchor': lb.anchor, 'font-size': 9, fill: '#34495e', 'class': 'map-label' }, lb.text);
      if (lb.text !== lb.id) text.appendChild(svgEl('title', {}, lb.id));
      gt.appendChild(text);
    });
    svg.appendChild(gl); svg.appendChild(gn); svg.appendChild(gt);
    $('map-legend').innerHTML = '<span><i style="background:#7f99b3"></i>link up</span>' +
      '<span><i style="background:#e07b00"></i>partly out</span><span><i style="background:#c62828"></i>out</span>' +
      '<span>&#9679; sink: green served, orange short, red under half</span><span>&#9632; storage</span>';
  })();

  function sinkColor(share) {
    return share >= 0.999999 ? '#2e8540' : share >= 0.5 ? '#e07b00' : '#c62828';
  }

  // ------------------------------------------------------------------ derived per-day facts
  // the day's demand (profiles may change it from day to day)
  function demandOf(day, id) {
    return day.demand && day.demand[id] != null ? day.demand[id] : (nodeById[id] || {}).demand || 0;
  }
  function sinkShare(day, id) {
    var dem = demandOf(day, id), u = day.unserved[id] || 0;
    return dem > 0 ? Math.max(0, 1 - u / dem) : 1;
  }
  var shortRun = {};   // shortRun[id][d] = consecutive days short up to d
  var shortTotal = {}; // days short so far
  (function () {
    NET.nodes.forEach(function (n) {
      if (n.kind !== 'sink') return;
      var run = [], tot = [], r = 0, t = 0;
      X.days.forEach(function (day) {
        if ((day.unserved[n.id] || 0) > 1e-9 * Math.max(1, demandOf(day, n.id))) { r++; t++; } else { r = 0; }
        run.push(r); tot.push(t);
      });
      shortRun[n.id] = run; shortTotal[n.id] = tot;
    });
  })();

  // ------------------------------------------------------------------ rendering
  function render() {
    var d = state.day, day = X.days[d];
    $('slider').value = d;
    $('daylabel').textContent = 'Day ' + d + ' \u00b7 ' + dateLabel(d);
    Array.prototype.forEach.call(document.querySelectorAll('.day-ref'), function (e) { e.textContent = 'day ' + d; });
    $('prev').disabled = d === 0; $('first').disabled = d === 0; $('next').disabled = d === H - 1;
    renderMap(day);
    renderShort(d, day);
    renderStorage(d, day);
    renderSoFar(d);
    renderEvents(d);
    drawTimeline($('timeline'), [{ name: 'baseline', days: X.days, color: null }], state.view === 'participants' ? d : H - 1, d, []);
    $('timeline-title').textContent = state.view === 'participants' ? 'Served share up to today' : 'Timeline of the whole trial (served share per commodity)';
  }

  function renderMap(day) {
    var out = {};
    day.assets_out.forEach(function (id) { out[id] = day.capacity_factor ? day.capacity_factor[id] : 0; });
    NET.links.forEach(function (l) {
      var m = mapEls.links[l.id];
      if (!m) return;
      var f = out.hasOwnProperty(l.id) ? out[l.id] : 1;
      m.el.setAttribute('stroke', f <= 0 ? '#c62828' : f < 1 ? '#e07b00' : '#7f99b3');
      m.el.setAttribute('stroke-dasharray', f < 1 ? '6 4' : '');
      m.el.setAttribute('class', f < 1 ? 'link out' : 'link');
      m.title.textContent = l.id + ' (' + l.kind + ', ' + l.commodity + ')' + (f < 1 ? ': ' + (f <= 0 ? 'OUT' : 'at ' + pct(f)) : ': up');
    });
    NET.nodes.forEach(function (n) {
      var m = mapEls.nodes[n.id], f = out.hasOwnProperty(n.id) ? out[n.id] : 1, fill;
      if (n.kind === 'sink') fill = sinkColor(sinkShare(day, n.id));
      else if (f < 1) fill = f <= 0 ? '#c62828' : '#e07b00';
      else fill = n.kind === 'storage' ? '#1f5fa8' : n.kind === 'source' ? '#34495e' : '#7f8c8d';
      m.el.setAttribute('fill', fill);
      m.el.setAttribute('class', f < 1 ? 'node out' : 'node');
      var extra = n.kind === 'sink' ? ': served ' + pct(sinkShare(day, n.id)) : f < 1 ? ': OUT' : '';
      m.title.textContent = n.id + ' (' + n.kind + ')' + extra;
    });
  }

  function renderShort(d, day) {
    var rows = [];
    NET.nodes.forEach(function (n) {
      if (n.kind !== 'sink') return;
      var u = day.unserved[n.id] || 0;
      var dem = demandOf(day, n.id);
      if (!(u > 1e-9 * Math.max(1, dem))) return;
      var share = sinkShare(day, n.id);
      rows.push({ n: n, share: share, people: dem > 0 ? n.population * u / dem : 0, run: shortRun[n.id][d], tot: shortTotal[n.id][d] });
    });
    rows.sort(function (a, b) { return a.share - b.share; });
    if (!rows.length) { $('short').innerHTML = '<p class="none">Every customer is fully served today.</p>'; return; }
    var h = '<table><tr><th>who</th><th class="num">served</th><th class="num">people</th><th class="num">for</th></tr>';
    rows.forEach(function (r) {
      h += '<tr><td>' + esc(r.n.id) + (r.n.region ? ' <span class="muted">' + esc(r.n.region) + '</span>' : '') +
        '<br><span class="muted">' + esc(r.n.commodity) + ', priority ' + r.n.priority + '</span></td><td class="num">' + pct(r.share) +
        '</td><td class="num">' + (r.n.population > 0 ? num(r.people) : '\u2013') + '</td><td class="num">' + days(r.run) +
        (r.tot > r.run ? '<br><span class="muted">' + r.tot + ' in all</span>' : '') + '</td></tr>';
    });
    $('short').innerHTML = h + '</table>';
  }

  function renderStorage(d, day) {
    var ids = Object.keys(day.storage);
    if (!ids.length) { $('storage').innerHTML = '<p class="muted">No storage in this network.</p>'; return; }
    var h = '';
    ids.forEach(function (id) {
      var n = nodeById[id] || {}, inv = day.storage[id], cap = n.capacity || 1;
      var prev = d > 0 ? X.days[d - 1].storage[id] : n.inventory;
      var draw = prev - inv;
      var left = draw > 1e-9 ? days(Math.floor(inv / draw)) + ' left at today\u2019s draw' : 'not drawing today';
      var share = Math.max(0, Math.min(1, inv / cap));
      var cls = inv <= 1e-9 * cap ? 'gauge empty' : share < 0.25 ? 'gauge low' : 'gauge';
      h += '<div class="' + cls + '" data-id="' + esc(id) + '"><div>' + esc(id) + ' <span class="muted">' + num(inv) + ' / ' + num(cap) + ' ' + esc(unit[n.commodity] ? unit[n.commodity].replace(/\/d$/, '') : '') +
        '</span></div><div class="bar"><div class="fill" style="width:' + (share * 100).toFixed(1) + '%"></div></div><div class="cap">' + left + '</div></div>';
    });
    $('storage').innerHTML = h;
  }

  function renderSoFar(d) {
    var pd = 0, vol = {}, lost = 0;
    for (var i = 0; i <= d; i++) {
      var day = X.days[i];
      NET.nodes.forEach(function (n) {
        var dem = demandOf(day, n.id);
        if (n.kind !== 'sink' || !(dem > 0)) return;
        var u = day.unserved[n.id] || 0;
        vol[n.commodity] = vol[n.commodity] || 0;
        if (!(u > 1e-9 * Math.max(1, dem))) return; // flow-solver residue, as in the day's list
        pd += n.population * u / dem;
        vol[n.commodity] += u;
        lost += (n.voll || 0) * u;
      });
    }
    var h = '<span class="kpi"><b>' + num(pd) + '</b> person-days without service</span>';
    Object.keys(vol).forEach(function (c) { h += '<span class="kpi"><b>' + num(vol[c]) + '</b> ' + esc(unit[c] ? unit[c].replace(/\/d$/, '') : '') + ' ' + esc(c) + ' not delivered</span>'; });
    h += '<span class="kpi"><b>' + esc(X.currency) + ' ' + num(lost) + '</b> value of lost load</span>';
    $('sofar').innerHTML = h;
  }

  function eventText(e) {
    var what = { attempt: 'attempt', miss: 'attempt failed', hit: 'hit', repair_start: 'repair starts', restored: 'back in service', hazard: 'hazard' }[e.type] || e.type;
    if (e.type === 'hit' && e.already_out) what = 'hit again';
    var s = '<span class="tag ' + e.type + '">' + what + '</span>' + esc(e.asset || '(target not known)');
    if (e.type === 'hit' && e.already_out) s += ' <span class="muted">(already out' + (e.extended ? '; outage lengthened' : '') + ')</span>';
    if (e.threat) s += ' <span class="muted">' + esc(e.threat) + '</span>';
    if (e.type === 'hit' && e.end_day != null) s += e.end_day < H ? ' \u2013 back day ' + e.end_day : ' \u2013 not back within the horizon';
    if (e.common_mode_of) s += ' <span class="muted">(same right-of-way as ' + esc(e.common_mode_of) + ')</span>';
    if (e.spill_volume) s += ' <span class="muted">spill ' + num(e.spill_volume) + '</span>';
    if (e.type === 'repair_start' && e.end_day != null) s += ' \u2013 expected back day ' + e.end_day;
    return s;
  }

  // what the log shows: no bare attempts (their hit or miss follows), no repair start on the day of
  // its hit (without repair crews it says nothing new)
  var LOG = X.events.filter(function (e, i) {
    if (e.type === 'attempt') return false;
    if (e.type !== 'repair_start') return true;
    return !X.events.some(function (h, j) { return j < i && h.type === 'hit' && h.asset === e.asset && h.day === e.day; });
  });

  function renderEvents(d) {
    var list = LOG;
    var h = '', shown = 0, later = 0;
    list.forEach(function (e) {
      if (e.day > d) { later++; return; }
      shown++;
      h += '<li class="' + (e.day === d ? 'today' : '') + '"><span class="t">day ' + e.day + ' ' + esc(e.time) + '</span>' + eventText(e) + '</li>';
    });
    if (!shown) h += '<li class="muted">Nothing has happened yet.</li>';
    if (state.view === 'controller' && later) {
      h += '<li class="divider">later (controller view only):</li>';
      list.forEach(function (e) {
        if (e.day > d) h += '<li class="future"><span class="t">day ' + e.day + ' ' + esc(e.time) + '</span>' + eventText(e) + '</li>';
      });
    }
    $('events').innerHTML = h;
    $('log-note').textContent = state.view === 'participants' ? '(up to day ' + d + ')' : '(up to day ' + d + '; ' + later + ' later)';
  }

  // served share chart: series = [{name, days, color, dash}], drawn up to day `upTo`, marker at `mark`
  function drawTimeline(svg, series, upTo, mark, decisionDays) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var w = 960, h = 260, l = 48, r = 150, t = 12, b = 30;
    // legend right of the plot while every entry fits its 116 px (about 6 px a character at 10 px),
    // else one entry a line under the plot, at full width, the drawing growing to hold them
    var entries = [];
    series.forEach(function (s) { X.commodities.forEach(function (c) { entries.push((series.length > 1 ? s.name + ': ' : '') + c.id); }); });
    var below = entries.some(function (e) { return e.length * 6 > r - 34; });
    if (below) r = 16;
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + (below ? h + 6 + 15 * entries.length : h));
    var x = function (d) { return l + (w - l - r) * (H <= 1 ? 0 : d / (H - 1)); };
    var y = function (v) { return t + (h - t - b) * (1 - v); };
    var minShare = 1;
    series.forEach(function (s) { s.days.forEach(function (day) { X.commodities.forEach(function (c) { minShare = Math.min(minShare, day.served_share[c.id]); }); }); });
    [0, 0.25, 0.5, 0.75, 1].forEach(function (v) {
      svg.appendChild(svgEl('line', { x1: l, x2: w - r, y1: y(v), y2: y(v), stroke: '#e3e8ec' }));
      svg.appendChild(svgEl('text', { x: l - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5f6b76' }, (v * 100) + '%'));
    });
    var step = Math.max(1, Math.ceil(H / 12 / 5) * 5);
    for (var d = 0; d < H; d += step) {
      svg.appendChild(svgEl('text', { x: x(d), y: h - 10, 'text-anchor': 'middle', 'font-size': 11, fill: '#5f6b76' }, 'day ' + d));
    }
    decisionDays.forEach(function (dd) {
      svg.appendChild(svgEl('line', { x1: x(dd.day), x2: x(dd.day), y1: t, y2: h - b, stroke: dd.color, 'stroke-dasharray': '2 3' }));
    });
    var legendX = below ? l : w - r + 10, legendY = below ? h + 4 : t + 4, entry = 0;
    series.forEach(function (s, si) {
      X.commodities.forEach(function (c, ci) {
        var color = s.color || COLORS[ci % COLORS.length];
        var dash = s.color ? ['', '6 3', '2 2', '8 3 2 3'][ci % 4] : '';
        var pts = [];
        s.days.forEach(function (day) { if (day.day <= upTo) pts.push(x(day.day).toFixed(1) + ',' + y(day.served_share[c.id]).toFixed(1)); });
        if (pts.length === 1) pts.push(pts[0]);
        svg.appendChild(svgEl('polyline', { points: pts.join(' '), fill: 'none', stroke: color, 'stroke-width': s.name === 'baseline' && series.length > 1 ? 2.5 : 1.8, 'stroke-dasharray': dash, 'class': 'series' }));
        svg.appendChild(svgEl('line', { x1: legendX, x2: legendX + 20, y1: legendY, y2: legendY, stroke: color, 'stroke-width': 2, 'stroke-dasharray': dash }));
        svg.appendChild(svgEl('text', { x: legendX + 24, y: legendY + 4, 'font-size': 10, fill: '#1d2731', 'class': 'legend-entry' }, entries[entry++]));
        legendY += below ? 15 : 14;
      });
    });
    if (series.length === 1) {
      X.events.forEach(function (e) {
        if (e.type !== 'hit' || e.day > upTo) return;
        svg.appendChild(svgEl('path', { d: 'M' + x(e.day) + ',' + (h - b) + ' l-4,8 l8,0 z', fill: '#c62828', 'class': 'hit-mark' }));
      });
    }
    if (mark != null) {
      svg.appendChild(svgEl('line', { x1: x(mark), x2: x(mark), y1: t, y2: h - b, stroke: '#f5a623', 'stroke-width': 2, 'class': 'today-mark' }));
    }
    if (minShare >= 0.999999) {
      svg.appendChild(svgEl('text', { x: (l + w - r) / 2, y: y(0.5), 'text-anchor': 'middle', 'font-size': 12, fill: '#5f6b76' }, 'every commodity fully served every day of this trial'));
    }
  }

  // ------------------------------------------------------------------ static sections
  // a total as the report writes it: money with the currency, shares in percent, volumes with unit
  function totalText(k, v) {
    var base = k.split('.')[0], c = k.indexOf('.') > 0 ? k.slice(k.indexOf('.') + 1) : null;
    if (base === 'direct_loss' || base === 'indirect_loss' || base === 'rerouting_cost' || base === 'economic_loss') return esc(X.currency) + ' ' + num(v);
    if (base === 'unserved_fraction' || base === 'peak_inoperability') return pct(v);
    if (base === 'unserved_volume' && unit[c]) return num(v) + ' ' + esc(unit[c].replace(/\/d$/, ''));
    return num(v);
  }
  function totalsTable() {
    var keys = Object.keys(X.totals);
    var h = '<table><tr><th>total over the horizon</th><th class="num">baseline</th>';
    X.branches.forEach(function (b) { h += '<th class="num">' + esc(b.mitigation) + ' from day ' + b.day + '</th>'; });
    h += '</tr>';
    keys.forEach(function (k) {
      h += '<tr><td>' + esc(k) + '</td><td class="num">' + totalText(k, X.totals[k]) + '</td>';
      X.branches.forEach(function (b) {
        var v = b.totals[k], base = X.totals[k], diff = base - v;
        var rel = base !== 0 ? ' (' + (diff >= 0 ? '-' : '+') + pct(Math.abs(diff / base)) + ')' : '';
        h += '<td class="num ' + (diff > 0 ? 'better' : diff < 0 ? 'worse' : '') + '">' + totalText(k, v) + (diff !== 0 ? rel : '') + '</td>';
      });
      h += '</tr>';
    });
    h += '<tr><td>cost of the decision</td><td class="num">-</td>';
    X.branches.forEach(function (b) { h += '<td class="num">' + esc(X.currency) + ' ' + num(b.cost) + '</td>'; });
    return h + '</tr></table>';
  }

  function renderBranches() {
    if (!X.branches.length) {
      $('branches').innerHTML = '<p class="muted">No decision given. Add one with <code>--decide DAY:MITIGATION</code> to compare this trial with the mitigation in force from DAY on.</p>' + totalsTable();
      $('branch-chart').style.display = 'none';
      return;
    }
    $('branches').innerHTML = '<p class="muted">Each branch replays this very trial: the same attacks, failures and repair draws; days before the decision are identical. Differences are the decision\u2019s effect in this case (negative = less loss).</p>' + totalsTable();
    var series = [{ name: 'baseline', days: X.days, color: '#1d2731' }];
    var marks = [];
    X.branches.forEach(function (b, i) {
      var c = COLORS[i % COLORS.length];
      series.push({ name: b.mitigation + ' (day ' + b.day + ')', days: b.days, color: c });
      marks.push({ day: b.day, color: c });
    });
    drawTimeline($('branch-chart'), series, H - 1, null, marks);
  }

  function renderMsel() {
    var h = '<table><tr><th>inject</th><th>day</th><th>time</th><th>from</th><th>to</th><th>method</th><th>message</th><th>expected action</th></tr>';
    D.msel.forEach(function (r) {
      h += '<tr><td>' + esc(r.inject) + '</td><td>' + r.day + '</td><td>' + esc(r.time) + '</td><td>' + esc(r.from) + '</td><td>' + esc(r.to) + '</td><td>' + esc(r.method) + '</td><td>' + esc(r.message) + '</td><td>' + esc(r.expected_action) + '</td></tr>';
    });
    $('msel').innerHTML = D.msel.length ? h + '</table>' : '<p class="muted">Nothing happens in this trial: no injects.</p>';
  }

  function renderBriefing() {
    var sel = X.selection.by === 'percentile'
      ? 'the trial at percentile ' + X.selection.percentile + ' of ' + X.selection.metric + ' (nearest rank; value ' + num(X.selection.value) + ')'
      : 'trial ' + X.trial + ' as chosen by the exercise staff';
    var h = '<h2>Situation</h2><p>' + esc(D.description || '') + '</p>' +
      '<p>This exercise replays ' + esc(sel) + ' of ' + (X.trials == null ? 'the study\u2019s' : X.trials) + ' simulated ' + H + '-day periods of the scenario <b>' + esc(X.scenario) + '</b>' +
      ', starting ' + esc(dateLabel(0)) + '.</p>';
    h += '<h2>Assets</h2><table><tr><th>id</th><th>kind</th><th>commodity</th><th class="num">capacity or demand per day</th><th>region</th><th>operator</th></tr>';
    NET.nodes.forEach(function (n) {
      var v = n.kind === 'sink' ? n.demand : n.kind === 'source' ? n.supply : n.kind === 'storage' ? n.max_withdrawal : null;
      h += '<tr><td>' + esc(n.id) + '</td><td>' + esc(n.kind) + '</td><td>' + esc(n.commodity) + '</td><td class="num">' + (v == null ? '' : num(v)) + '</td><td>' + esc(n.region || '') + '</td><td>' + esc(n.operator || '') + '</td></tr>';
    });
    NET.links.forEach(function (l) {
      h += '<tr><td>' + esc(l.id) + '</td><td>' + esc(l.kind) + '</td><td>' + esc(l.commodity) + '</td><td class="num">' + num(l.capacity) + '</td><td>' + esc(l.region || '') + '</td><td>' + esc(l.operator || '') + '</td></tr>';
    });
    h += '</table><h2>Timeline</h2><table><tr><th>day</th><th>date</th><th>time</th><th>event</th></tr>';
    LOG.forEach(function (e) {
      h += '<tr><td>' + e.day + '</td><td>' + esc(dateLabel(e.day)) + '</td><td>' + esc(e.time) + '</td><td>' + eventText(e) + '</td></tr>';
    });
    h += '</table><h2>Injects</h2>' + $('msel').innerHTML;
    h += '<h2>Totals</h2>' + totalsTable();
    $('briefing').innerHTML = h;
  }

  function setView(v) {
    state.view = v;
    document.body.className = v;
    $('view-controller').className = v === 'controller' ? 'on' : '';
    $('view-participants').className = v === 'participants' ? 'on' : '';
    render();
  }
  function go(d) { state.day = Math.max(0, Math.min(H - 1, d)); render(); }

  // ------------------------------------------------------------------ wiring
  $('title').textContent = 'Exercise: ' + X.scenario + ', trial ' + X.trial;
  $('subtitle').textContent = (X.selection.by === 'percentile'
    ? 'The trial at percentile ' + X.selection.percentile + ' of ' + X.selection.metric + ' (' + num(X.selection.value) + ')'
    : 'Trial ' + X.trial) + ' of ' + (X.trials == null ? 'the study' : X.trials) + ' (seed ' + X.seed + '); ' + days(H) + ' from ' + dateLabel(0);
  var p = X.provenance;
  $('provenance').textContent = 'corridor-risk ' + p.version + ' \u00b7 scenario ' + p.scenario_file + ' (SHA-256 ' + p.scenario_sha256 + ') \u00b7 seed ' + p.seed +
    ' \u00b7 trials ' + (p.trials == null ? 'as run plans them (not needed for this trial)' : p.trials) + ' \u00b7 methods: ' + p.methods.join('; ');
  $('slider').max = H - 1;
  $('slider').addEventListener('input', function () { go(+this.value); });
  $('prev').addEventListener('click', function () { go(state.day - 1); });
  $('next').addEventListener('click', function () { go(state.day + 1); });
  $('first').addEventListener('click', function () { go(0); });
  $('view-controller').addEventListener('click', function () { setView('controller'); });
  $('view-participants').addEventListener('click', function () { setView('participants'); });
  $('print').addEventListener('click', function () { window.print(); });
  document.addEventListener('keydown', function (e) {
    if (e.target && e.target.tagName === 'INPUT' && e.target.type !== 'range') return;
    if (e.key === 'ArrowRight') { go(state.day + 1); e.preventDefault(); }
    if (e.key === 'ArrowLeft') { go(state.day - 1); e.preventDefault(); }
  });
  renderMsel();
  renderBranches();
  renderBriefing();
  var opts = {};
  location.hash.replace(/^#/, '').split('&').forEach(function (kv) { var a = kv.split('='); if (a[0]) opts[a[0]] = a[1]; });
  state.day = opts.day ? Math.max(0, Math.min(H - 1, +opts.day || 0)) : 0;
  setView(opts.view === 'participants' ? 'participants' : 'controller');
  for (var i = 0; i < (+opts.step || 0); i++) $('next').click();
})();
