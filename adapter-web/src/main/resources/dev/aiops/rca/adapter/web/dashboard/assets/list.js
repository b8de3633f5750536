// The incident list: re-reads the API when the server pushes a change, and renders with textContent only,
// because incident data (error text above all) may be written by an attacker.
(function () {
  'use strict';

  // Everything the page was asked for, so that the live rows are the page's rows: filters, search, range, order.
  var FILTERS = ['source', 'category', 'status', 'job', 'q', 'from', 'to', 'sort', 'dir'];
  var PAGE_SIZE = 100;
  var COLORS = ['#1f5fbf', '#b42318', '#067647', '#b54708', '#6941c6', '#0e7090', '#c11574', '#4e5ba6',
    '#3f621a', '#93370d'];
  var page = new URLSearchParams(window.location.search);
  var query = new URLSearchParams();
  FILTERS.forEach(function (name) {
    if (page.get(name)) {
      query.set(name, page.get(name));
    }
  });
  var pageNumber = Math.max(1, parseInt(page.get('page') || '1', 10) || 1);
  var rows = document.getElementById('incident-rows');
  var shown = document.getElementById('shown');
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
      tr.appendChild(cell(time(incident.firstSeen)));
      tr.appendChild(cell(incident.source));
      tr.appendChild(cell(incident.jobName));
      tr.appendChild(cell(incident.category));
      tr.appendChild(cell(incident.status));
      tr.appendChild(cell(incident.priority, 'priority'));
      tr.appendChild(cell(String(incident.occurrences)));
      tr.appendChild(cell(incident.rootCauseLine, 'cause'));
      var links = cell('', 'links');
      if (safe(incident.runPageUrl)) {
        links.appendChild(anchor(incident.runPageUrl, incident.source === 'ADF' ? 'Data Factory run' : 'Databricks run',
          'run-page'));
      }
      if (incident.ticketKey) {
        links.appendChild(document.createTextNode(' '));
        if (safe(incident.ticketUrl)) {
          links.appendChild(anchor(incident.ticketUrl, incident.ticketKey, 'ticket'));
        } else {
          var key = document.createElement('span');
          key.className = 'ticket';
          key.textContent = incident.ticketKey;
          links.appendChild(key);
        }
      }
      tr.appendChild(links);
      return tr;
    });
    rows.replaceChildren.apply(rows, fresh);
    empty.hidden = items.length > 0;
  }

  // Only web links: the API sends nothing else, and a javascript: URL must never become a link here.
  function safe(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url);
  }

  function anchor(url, text, className) {
    var a = document.createElement('a');
    a.href = url;
    a.textContent = text;
    a.className = className;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    return a;
  }

  function renderShown(listing) {
    if (!shown) {
      return;
    }
    var total = Number(listing.total).toLocaleString('en-US');
    if (listing.items.length === 0) {
      shown.textContent = 'Showing 0 of ' + total;
      return;
    }
    var first = Number(listing.offset) + 1;
    var last = Number(listing.offset) + listing.items.length;
    shown.textContent = 'Showing ' + first.toLocaleString('en-US') + '\u2013' + last.toLocaleString('en-US')
      + ' of ' + total;
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
    var paging = (suffix ? '&' : '?') + 'limit=' + PAGE_SIZE + '&offset=' + ((pageNumber - 1) * PAGE_SIZE);
    return Promise.all([getJson('/api/incidents' + suffix + paging), getJson('/api/stats' + suffix)])
      .then(function (results) {
        renderRows(results[0].items);
        renderShown(results[0]);
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
