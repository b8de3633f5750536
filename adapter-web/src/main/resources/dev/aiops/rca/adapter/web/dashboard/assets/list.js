// The incident list: re-reads the API when the server pushes a change, and renders with textContent only,
// because incident data (error text above all) may be written by an attacker.
(function () {
  'use strict';

  var FILTERS = ['source', 'category', 'status', 'job'];
  var COLORS = ['#1f5fbf', '#b42318', '#067647', '#b54708', '#6941c6', '#0e7090', '#c11574', '#4e5ba6',
    '#3f621a', '#93370d'];
  var page = new URLSearchParams(window.location.search);
  var query = new URLSearchParams();
  FILTERS.forEach(function (name) {
    if (page.get(name)) {
      query.set(name, page.get(name));
    }
  });
  var rows = document.getElementById('incident-rows');
  var empty = document.getElementById('empty');
  var status = document.getElementById('live-status');
  var canvas = document.getElementById('failures-chart');
  var chart = null;
  var pending = null;

  function cell(text, className) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    return td;
  }

  function time(iso) {
    return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  }

  function renderRows(items) {
    var fresh = items.map(function (incident) {
      var tr = document.createElement('tr');
      tr.id = 'incident-' + Number(incident.id);
      tr.dataset.id = String(Number(incident.id));
      var idCell = document.createElement('td');
      var link = document.createElement('a');
      link.href = '/incidents/' + encodeURIComponent(String(Number(incident.id)));
      link.textContent = '#' + incident.id;
      idCell.appendChild(link);
      tr.appendChild(idCell);
      tr.appendChild(cell(time(incident.lastSeen)));
      tr.appendChild(cell(incident.source));
      tr.appendChild(cell(incident.jobName));
      tr.appendChild(cell(incident.category));
      tr.appendChild(cell(incident.status));
      tr.appendChild(cell(String(incident.occurrences)));
      tr.appendChild(cell(incident.rootCauseLine, 'cause'));
      return tr;
    });
    rows.replaceChildren.apply(rows, fresh);
    empty.hidden = items.length > 0;
  }

  function renderCounts(id, counts) {
    var list = document.getElementById(id);
    var items = Object.keys(counts).map(function (name) {
      var li = document.createElement('li');
      var label = document.createElement('span');
      label.className = 'name';
      label.textContent = name;
      var count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(counts[name]);
      li.appendChild(label);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(count);
      return li;
    });
    list.replaceChildren.apply(list, items);
  }

  function renderChart(stats) {
    if (!window.Chart || !canvas) {
      return;
    }
    var datasets = Object.keys(stats.failuresPerDayByCategory).map(function (category, i) {
      return {
        label: category,
        data: stats.failuresPerDayByCategory[category],
        backgroundColor: COLORS[i % COLORS.length]
      };
    });
    if (chart) {
      chart.data.labels = stats.days;
      chart.data.datasets = datasets;
      chart.update();
      return;
    }
    chart = new window.Chart(canvas, {
      type: 'bar',
      data: { labels: stats.days, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function getJson(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 401) {
          window.location.assign('/login?next=' + encodeURIComponent(window.location.pathname
            + window.location.search));
          throw new Error('logged out');
        }
        if (!response.ok) {
          throw new Error(path + ' answered ' + response.status);
        }
        return response.json();
      });
  }

  function refresh() {
    pending = null;
    var suffix = query.toString() ? '?' + query.toString() : '';
    var limit = (suffix ? '&' : '?') + 'limit=100';
    return Promise.all([getJson('/api/incidents' + suffix + limit), getJson('/api/stats' + suffix)])
      .then(function (results) {
        renderRows(results[0].items);
        renderCounts('counts-category', results[1].byCategory);
        renderCounts('counts-source', results[1].bySource);
        renderChart(results[1]);
        document.body.dataset.refreshed = String(Date.now());
      })
      .catch(function (error) {
        if (window.console) {
          window.console.warn(error);
        }
      });
  }

  // Several changes often arrive together (opened, ticketed, notified): one re-read covers them.
  function scheduleRefresh() {
    if (pending === null) {
      pending = window.setTimeout(refresh, 150);
    }
  }

  function setStatus(state) {
    status.dataset.state = state;
    status.textContent = state;
  }

  refresh();
  if (window.EventSource) {
    var events = new window.EventSource('/events');
    events.addEventListener('open', function () {
      setStatus('live');
      scheduleRefresh();
    });
    events.addEventListener('incident', scheduleRefresh);
    events.addEventListener('error', function () {
      setStatus('reconnecting');
    });
  } else {
    setStatus('no live updates in this browser');
  }
}());
