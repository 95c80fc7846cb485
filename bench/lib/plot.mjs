// A small hand-written SVG line chart: median wall time against project size for each tool.
// Log-scaled time axis, so a tool ten times faster is still visible next to the slower one.

const COLORS = { 'compose-lint': '#1f77b4', dclint: '#d62728' };
const W = 720;
const H = 420;
const M = { left: 70, right: 150, top: 40, bottom: 55 };

/**
 * @param {{ title: string, xLabel: string, series: { name: string, points: [number, number][] }[] }} chart
 * points are [size, milliseconds]
 */
export function lineChartSvg(chart) {
  const all = chart.series.flatMap((s) => s.points).filter(([, y]) => Number.isFinite(y) && y > 0);
  const xs = all.map(([x]) => x);
  const [xMin, xMax] = [0, Math.max(...xs) * 1.05];
  const yLo = 10 ** Math.floor(Math.log10(Math.min(...all.map(([, y]) => y))));
  const yHi = 10 ** Math.ceil(Math.log10(Math.max(...all.map(([, y]) => y))));
  const px = (x) => M.left + ((x - xMin) / (xMax - xMin)) * (W - M.left - M.right);
  const py = (y) => H - M.bottom - ((Math.log10(y) - Math.log10(yLo)) / (Math.log10(yHi) - Math.log10(yLo))) * (H - M.top - M.bottom);
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  out.push(`<text x="${W / 2 - M.right / 2 + M.left / 2}" y="22" text-anchor="middle" font-size="15">${esc(chart.title)}</text>`);
  // y grid: decades, with 2x and 5x ticks
  for (let decade = yLo; decade < yHi * 1.0001; decade *= 10) {
    for (const m of [1, 2, 5]) {
      const y = decade * m;
      if (y > yHi * 1.0001) continue;
      out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${py(y).toFixed(1)}" y2="${py(y).toFixed(1)}" stroke="${m === 1 ? '#ccc' : '#eee'}"/>`);
      out.push(`<text x="${M.left - 6}" y="${(py(y) + 4).toFixed(1)}" text-anchor="end" fill="#444">${esc(fmtAxisTime(y))}</text>`);
    }
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    out.push(`<line x1="${px(x).toFixed(1)}" x2="${px(x).toFixed(1)}" y1="${M.top}" y2="${H - M.bottom}" stroke="#eee"/>`);
    out.push(`<text x="${px(x).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle" fill="#444">${x}</text>`);
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" fill="none" stroke="#888"/>`);
  out.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 14}" text-anchor="middle">${esc(chart.xLabel)}</text>`);
  out.push(`<text transform="translate(18 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">median wall time (log scale)</text>`);
  chart.series.forEach((series, i) => {
    const color = COLORS[series.name] ?? '#555';
    const pts = series.points.filter(([, y]) => Number.isFinite(y) && y > 0);
    if (pts.length === 0) return;
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ')}"/>`);
    for (const [x, y] of pts) {
      out.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="4" fill="${color}"/>`);
      out.push(`<text x="${(px(x) + 6).toFixed(1)}" y="${(py(y) - 7).toFixed(1)}" fill="${color}" font-size="11">${esc(fmtAxisTime(y))}</text>`);
    }
    const ly = M.top + 20 + i * 22;
    out.push(`<line x1="${W - M.right + 15}" x2="${W - M.right + 40}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2"/>`);
    out.push(`<text x="${W - M.right + 46}" y="${ly + 4}">${esc(series.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function fmtAxisTime(ms) {
  if (ms >= 1000) return `${+(ms / 1000).toPrecision(3)} s`;
  return `${+ms.toPrecision(3)} ms`;
}

function esc(text) {
  return String(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
