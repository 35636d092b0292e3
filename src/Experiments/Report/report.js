// The report's interactive part. Reads the tracks from the JSON block #report-data and draws them: a zoomable,
// hoverable map (one SVG circle per track, coloured by cluster) and click-to-listen through one <audio> element.
// Every text it shows goes through textContent, never innerHTML: file names and tags come from users.
(function () {
  'use strict';
  var svgNs = 'http://www.w3.org/2000/svg';
  var palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf',
    '#aec7e8', '#ffbb78', '#98df8a', '#ff9896', '#c5b0d5', '#c49c94', '#f7b6d2', '#c7c7c7', '#dbdb8d', '#9edae5'];
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var points = data.points;
  var player = document.getElementById('player');
  var nowPlaying = document.getElementById('now-playing');
  var colourOf = {};
  data.clusters.filter(function (c) { return c.cluster >= 0; }).forEach(function (c, i) { colourOf[c.cluster] = palette[i % palette.length]; });

  function colour(cluster) { return colourOf[cluster] || '#999999'; }

  function name(p) { return p.artist && p.title ? p.artist + ' – ' + p.title : (p.title || p.path); }

  function localPath(p) { return p.path.split('/').map(encodeURIComponent).join('/'); }

  // A signed URL when the report was given one; when that fails (expired, storage out of reach) or there is none, the
  // path as ingested, relative to this page: a copy of the page in the library's root folder plays the user's own files.
  var circles = [];
  var playing = null;
  function start(src) {
    player.src = src;
    var started = player.play();
    if (started && started.catch) {
      started.catch(function () { });
    }
  }

  function play(i) {
    var p = points[i];
    playing = { index: i, fromStorage: Boolean(p.audio) };
    nowPlaying.textContent = name(p) + ' (cluster ' + p.cluster + ')';
    circles.forEach(function (c) { c.classList.toggle('playing', Number(c.dataset.index) === i); });
    start(p.audio || localPath(p));
  }

  player.addEventListener('error', function () {
    if (!playing) {
      return;
    }
    var p = points[playing.index];
    if (playing.fromStorage) {
      playing.fromStorage = false;
      start(localPath(p));
    } else {
      nowPlaying.textContent = name(p) + ': could not be played (open this page beside the library to play ' + p.path + ')';
    }
  });

  document.querySelectorAll('[data-play]').forEach(function (button) {
    button.addEventListener('click', function () { play(Number(button.dataset.play)); });
  });

  // report.html#track=ID opens the page on that track, ready to play (browsers let it start only after a click).
  var linked = /^#track=(.+)$/.exec(window.location.hash);
  var linkedIndex = linked ? points.findIndex(function (p) { return p.track === decodeURIComponent(linked[1]); }) : -1;

  if (linkedIndex >= 0) {
    play(linkedIndex);
  }

  var host = document.getElementById('map');
  if (!host) {
    return;
  }
  var placed = points.map(function (p, i) { return i; }).filter(function (i) { return points[i].x !== null && points[i].y !== null; });
  if (placed.length === 0) {
    return;
  }

  var xs = placed.map(function (i) { return points[i].x; });
  var ys = placed.map(function (i) { return -points[i].y; });
  var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs), minY = Math.min.apply(null, ys), maxY = Math.max.apply(null, ys);
  var span = Math.max(maxX - minX, maxY - minY, 1e-9);
  var margin = span * 0.05;
  var home = { x: minX - margin, y: minY - margin, w: maxX - minX + 2 * margin || span, h: maxY - minY + 2 * margin || span };
  var view = { x: home.x, y: home.y, w: home.w, h: home.h };
  var radius = span / 150;

  var svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  var layer = document.createElementNS(svgNs, 'g');
  layer.setAttribute('id', 'map-points');
  svg.appendChild(layer);
  placed.forEach(function (i) {
    var p = points[i];
    var circle = document.createElementNS(svgNs, 'circle');
    circle.setAttribute('cx', p.x);
    circle.setAttribute('cy', -p.y);
    circle.setAttribute('fill', colour(p.cluster));
    circle.setAttribute('class', 'point');
    circle.dataset.track = p.track;
    circle.dataset.index = String(i);
    circle.dataset.cluster = String(p.cluster);
    if (playing && playing.index === i) {
      circle.classList.add('playing');
    }
    layer.appendChild(circle);
    circles.push(circle);
  });
  host.appendChild(svg);

  function render() {
    svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].join(' '));
    // Dots keep their size on screen as the map zooms.
    var r = String(radius * view.w / home.w);
    circles.forEach(function (c) { c.setAttribute('r', r); });
  }
  render();

  // The map coordinates under a client position (the SVG's own transform handles the letterboxing).
  function toMap(clientX, clientY) {
    var pt = svg.createSVGPoint();
    pt.x = clientX;
    pt.y = clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse());
  }

  svg.addEventListener('wheel', function (e) {
    e.preventDefault();
    var at = toMap(e.clientX, e.clientY);
    var factor = Math.exp(e.deltaY * 0.0015);
    factor = Math.min(Math.max(factor, home.w / 200 / view.w), 4 * home.w / view.w);
    view.x = at.x - (at.x - view.x) * factor;
    view.y = at.y - (at.y - view.y) * factor;
    view.w *= factor;
    view.h *= factor;
    render();
  }, { passive: false });

  var drag = null;
  svg.addEventListener('pointerdown', function (e) {
    drag = { start: toMap(e.clientX, e.clientY), clientX: e.clientX, clientY: e.clientY, moved: false };
    host.classList.add('dragging');
  });
  window.addEventListener('pointermove', function (e) {
    if (!drag) {
      return;
    }
    if (Math.abs(e.clientX - drag.clientX) + Math.abs(e.clientY - drag.clientY) > 3) {
      drag.moved = true;
    }
    var at = toMap(e.clientX, e.clientY);
    view.x -= at.x - drag.start.x;
    view.y -= at.y - drag.start.y;
    render();
  });
  window.addEventListener('pointerup', function (e) {
    var wasDrag = drag && drag.moved;
    drag = null;
    host.classList.remove('dragging');
    if (!wasDrag && e.target instanceof SVGCircleElement && e.target.dataset.index) {
      play(Number(e.target.dataset.index));
    }
  });
  svg.addEventListener('dblclick', function () {
    view = { x: home.x, y: home.y, w: home.w, h: home.h };
    render();
  });

  var tip = document.getElementById('map-tip');
  function line(text, className) {
    var div = document.createElement('div');
    div.textContent = text;
    if (className) {
      div.className = className;
    }
    return div;
  }
  svg.addEventListener('mouseover', function (e) {
    if (!(e.target instanceof SVGCircleElement)) {
      return;
    }
    var p = points[Number(e.target.dataset.index)];
    tip.replaceChildren(line(p.title || '(no title)'), line(p.artist || '(no artist)'), line(p.path, 'path'), line('cluster ' + p.cluster));
    tip.hidden = false;
  });
  svg.addEventListener('mousemove', function (e) {
    tip.style.left = (e.clientX + 14) + 'px';
    tip.style.top = (e.clientY + 14) + 'px';
  });
  svg.addEventListener('mouseout', function (e) {
    if (e.target instanceof SVGCircleElement) {
      tip.hidden = true;
    }
  });

  var legend = document.getElementById('map-legend');
  data.clusters.forEach(function (c) {
    var item = document.createElement('span');
    var swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour(c.cluster);
    item.appendChild(swatch);
    item.appendChild(document.createTextNode(c.description + ' (' + c.size + ')'));
    legend.appendChild(item);
  });
}());
