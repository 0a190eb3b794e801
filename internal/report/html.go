package report

import (
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"

	"github.com/sanctions-dev/sanctions/evaluator"
)

// HTML renders one self-contained page (no external scripts, fonts or styles): summary counts,
// a timeline of flagged events by month coloured by category (SVG made here), a filterable table
// of findings, and a card per finding.
type HTML struct{}

// categoryColours gives each finding category its colour in the timeline and the badges.
var categoryColours = map[string]string{
	"arms_embargo":           "#c0392b",
	"missile_programme":      "#8e44ad",
	"technical_assistance":   "#d35400",
	"scientific_cooperation": "#16a085",
	"sectoral":               "#2980b9",
	"maritime":               "#2c3e50",
	"financial":              "#f39c12",
	"designation":            "#7f8c8d",
	"labour":                 "#27ae60",
}

type htmlFinding struct {
	ID       string // anchor
	Result   Result
	Finding  evaluator.Finding
	Colour   string
	Sources  map[string]Source
	Search   string // lower-cased text the filter matches
	When     string
	Verdict  string
	Evidence []htmlQuote
}

type htmlQuote struct {
	Quote  string
	Source string
	URL    string
}

type htmlBar struct {
	X, Width       float64
	Label          string
	ShowLabel      bool
	Segments       []htmlSegment
	Total          int
	LabelX, LabelY float64
}

type htmlSegment struct {
	Y, Height float64
	Colour    string
	Title     string
}

type htmlLegend struct {
	Name, Colour string
	X            float64
}

// htmlExempted is a finding that an exemption turned off.
type htmlExempted struct {
	ID      string // anchor
	Result  Result
	Finding evaluator.Finding
	Line    string // ExemptedLine
	When    string
	Verdict string
}

type htmlPage struct {
	Report     *Report
	Findings   []htmlFinding
	Exempted   []htmlExempted
	Quiet      []Result
	Severities []sevCount
	Bars       []htmlBar
	Legend     []htmlLegend
	ChartW     float64
	ChartH     float64
	MaxCount   int
	Categories []string
}

type sevCount struct {
	Name  string
	Count int
}

const chartBase = 170.0 // y of the chart's baseline

// Render writes r as HTML.
func (HTML) Render(w io.Writer, r *Report) error {
	page := htmlPage{Report: r}
	for _, s := range evaluator.Severities {
		page.Severities = append(page.Severities, sevCount{string(s), r.Summary.BySeverity[string(s)]})
	}
	byMonth := map[string]map[string]int{}
	cats := map[string]bool{}
	for _, res := range r.Results {
		when := res.Event.Date
		if res.Event.EndDate != "" {
			when += " to " + res.Event.EndDate
		}
		for _, f := range res.Exempted {
			page.Exempted = append(page.Exempted, htmlExempted{
				ID:      fmt.Sprintf("x-%s-%s", anchorOf(res.EventID), strings.ToLower(f.RuleID)),
				Result:  res,
				Finding: f,
				Line:    ExemptedLine(f),
				When:    when,
				Verdict: verdictText(f.Verdict),
			})
		}
		if len(res.Findings) == 0 {
			if len(res.Exempted) == 0 {
				page.Quiet = append(page.Quiet, res)
			}
			continue
		}
		sources := map[string]Source{}
		for _, s := range res.Event.Sources {
			sources[s.ID] = s
		}
		for _, f := range res.Findings {
			hf := htmlFinding{
				ID:      fmt.Sprintf("f-%s-%s", anchorOf(res.EventID), strings.ToLower(f.RuleID)),
				Result:  res,
				Finding: f,
				Colour:  colourOf(f.Category),
				Sources: sources,
				When:    when,
				Verdict: verdictText(f.Verdict),
			}
			hf.Search = strings.ToLower(strings.Join([]string{res.EventID, f.RuleID, f.Title, res.Event.Summary,
				f.Category, strings.Join(f.Reasoning, " ")}, " "))
			for _, e := range f.Evidence {
				q := htmlQuote{Quote: e.Quote, Source: sourceText(sources, e.Source)}
				if s, ok := sources[e.Source]; ok {
					q.URL = s.URL
				}
				hf.Evidence = append(hf.Evidence, q)
			}
			page.Findings = append(page.Findings, hf)
			month := monthOf(res.Event.Date)
			if byMonth[month] == nil {
				byMonth[month] = map[string]int{}
			}
			byMonth[month][f.Category]++
			cats[f.Category] = true
		}
	}
	for c := range cats {
		page.Categories = append(page.Categories, c)
	}
	sort.Strings(page.Categories)
	page.timeline(byMonth)
	return htmlTemplate.Execute(w, page)
}

// timeline lays out one bar per month from the first to the last flagged month.
func (p *htmlPage) timeline(byMonth map[string]map[string]int) {
	if len(byMonth) == 0 {
		return
	}
	var months []string
	for m := range byMonth {
		months = append(months, m)
	}
	sort.Strings(months)
	all := monthRange(months[0], months[len(months)-1])
	for _, m := range all {
		n := 0
		for _, c := range byMonth[m] {
			n += c
		}
		if n > p.MaxCount {
			p.MaxCount = n
		}
	}
	const left, width = 40.0, 860.0
	step := width / float64(len(all))
	barW := step * 0.8
	if barW > 40 {
		barW = 40
	}
	labelEvery := len(all)/12 + 1
	for i, m := range all {
		x := left + float64(i)*step + (step-barW)/2
		bar := htmlBar{X: x, Width: barW, Label: m, ShowLabel: i%labelEvery == 0 || i == len(all)-1,
			LabelX: x + barW/2, LabelY: chartBase + 14}
		y := chartBase
		for _, c := range p.Categories {
			n := byMonth[m][c]
			if n == 0 {
				continue
			}
			h := 140 * float64(n) / float64(p.MaxCount)
			y -= h
			bar.Segments = append(bar.Segments, htmlSegment{Y: y, Height: h, Colour: colourOf(c), Title: fmt.Sprintf("%s: %d %s", m, n, c)})
			bar.Total += n
		}
		p.Bars = append(p.Bars, bar)
	}
	x := left
	for _, c := range p.Categories {
		p.Legend = append(p.Legend, htmlLegend{Name: c, Colour: colourOf(c), X: x})
		x += float64(len(c))*7 + 30
	}
	p.ChartW, p.ChartH = left+width+40, chartBase+50
}

func colourOf(category string) string {
	if c, ok := categoryColours[category]; ok {
		return c
	}
	return "#555555"
}

// monthOf is the YYYY-MM of a date prefix (a bare year counts as its January).
func monthOf(date string) string {
	if len(date) >= 7 {
		return date[:7]
	}
	return date + "-01"
}

// monthRange lists the months from a to b, inclusive.
func monthRange(a, b string) []string {
	var y, m, ey, em int
	fmt.Sscanf(a, "%d-%d", &y, &m)
	fmt.Sscanf(b, "%d-%d", &ey, &em)
	var out []string
	for (y < ey || (y == ey && m <= em)) && len(out) < 1200 {
		out = append(out, fmt.Sprintf("%04d-%02d", y, m))
		m++
		if m > 12 {
			y, m = y+1, 1
		}
	}
	return out
}

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"upper":   strings.ToUpper,
	"add":     func(a, b int) int { return a + b },
	"verdict": verdictText,
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>Sanctions check</title>
<style>
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0; color: #1d2327; background: #f5f6f7; }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { margin: 0 0 4px; font-size: 26px; }
.disclaimer { background: #fff8e1; border-left: 4px solid #f0b400; padding: 8px 12px; font-size: 14px; }
.counts { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0; }
.count { background: #fff; border: 1px solid #dcdfe3; border-radius: 6px; padding: 10px 14px; min-width: 90px; }
.count b { display: block; font-size: 22px; }
.count span { font-size: 12px; color: #5f6b76; text-transform: uppercase; letter-spacing: .04em; }
section { background: #fff; border: 1px solid #dcdfe3; border-radius: 6px; padding: 16px; margin: 16px 0; }
h2 { font-size: 18px; margin: 0 0 12px; }
svg text { font-size: 11px; fill: #4a5560; }
.filters { display: flex; gap: 10px; flex-wrap: wrap; margin-bottom: 10px; }
.filters input, .filters select { padding: 6px 8px; border: 1px solid #c3c8ce; border-radius: 4px; font-size: 14px; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e6e8eb; vertical-align: top; }
th { background: #f0f2f4; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12px; color: #fff; white-space: nowrap; }
.sev-critical { background: #7b0000; } .sev-high { background: #c0392b; } .sev-medium { background: #d68910; } .sev-low { background: #2874a6; } .sev-info { background: #7f8c8d; }
.card { border: 1px solid #dcdfe3; border-left: 6px solid #999; border-radius: 6px; padding: 12px 16px; margin: 12px 0; background: #fff; }
.card h3 { margin: 0 0 6px; font-size: 16px; }
.meta { color: #5f6b76; font-size: 13px; margin-bottom: 8px; }
.card ol { padding-left: 22px; margin: 6px 0; }
.card li { margin: 3px 0; }
blockquote { margin: 6px 0; padding: 4px 12px; border-left: 3px solid #c3c8ce; color: #36414b; }
.exempted-card { border: 1px solid #dcdfe3; border-left: 6px solid #27ae60; border-radius: 6px; padding: 12px 16px; margin: 12px 0; background: #fff; }
.exempted-card h3 { margin: 0 0 6px; font-size: 16px; }
.hidden { display: none; }
.errors li { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
footer { color: #5f6b76; font-size: 13px; padding-bottom: 32px; }
</style>
</head>
<body>
<header>
<h1>Sanctions check</h1>
<p class="disclaimer">{{.Report.Disclaimer}}</p>
<div class="counts" id="counts">
<div class="count"><b>{{.Report.Summary.Events}}</b><span>events</span></div>
<div class="count"><b>{{.Report.Summary.Evaluated}}</b><span>evaluated</span></div>
<div class="count"><b>{{.Report.Summary.Rejected}}</b><span>rejected</span></div>
<div class="count"><b id="count-findings">{{.Report.Summary.Findings}}</b><span>findings</span></div>
{{range .Severities}}{{if .Count}}<div class="count"><b>{{.Count}}</b><span>{{.Name}}</span></div>{{end}}{{end}}
{{if .Report.Summary.Exempted}}<div class="count"><b>{{.Report.Summary.Exempted}}</b><span>exempted</span></div>{{end}}
<div class="count"><b>{{len .Report.Errors}}</b><span>errors</span></div>
<div class="count"><b>{{.Report.Summary.Rules}}</b><span>rules</span></div>
</div>
</header>
<main>
{{if .Bars}}
<section>
<h2>Flagged events by month</h2>
<svg id="timeline" role="img" aria-label="Findings by month of the event, coloured by category" width="100%" viewBox="0 0 {{.ChartW}} {{.ChartH}}" xmlns="http://www.w3.org/2000/svg">
<line x1="40" y1="170" x2="{{.ChartW}}" y2="170" stroke="#9aa3ab"/>
<text x="34" y="34" text-anchor="end">{{.MaxCount}}</text>
<text x="34" y="170" text-anchor="end">0</text>
{{range .Bars}}<g>{{$b := .}}{{range .Segments}}<rect x="{{$b.X}}" y="{{.Y}}" width="{{$b.Width}}" height="{{.Height}}" fill="{{.Colour}}"><title>{{.Title}}</title></rect>{{end}}{{if .ShowLabel}}<text x="{{.LabelX}}" y="{{.LabelY}}" text-anchor="middle">{{.Label}}</text>{{end}}</g>
{{end}}{{range .Legend}}<rect x="{{.X}}" y="198" width="10" height="10" fill="{{.Colour}}"/><text x="{{.X}}" y="207" dx="14">{{.Name}}</text>
{{end}}</svg>
</section>
{{end}}
<section>
<h2>Findings</h2>
<div class="filters">
<input id="filter-text" type="search" placeholder="Filter: event, rule, words of the reasoning" aria-label="Filter findings by text">
<select id="filter-severity" aria-label="Severity"><option value="">All severities</option>{{range .Severities}}<option value="{{.Name}}">{{.Name}}</option>{{end}}</select>
<select id="filter-verdict" aria-label="Verdict"><option value="">All verdicts</option><option value="possible_violation">possible violation</option><option value="needs_review">needs review</option></select>
<select id="filter-category" aria-label="Category"><option value="">All categories</option>{{range .Categories}}<option value="{{.}}">{{.}}</option>{{end}}</select>
<span id="shown">{{len .Findings}} shown</span>
</div>
<table id="findings">
<thead><tr><th>Event</th><th>Date</th><th>Rule</th><th>Severity</th><th>Verdict</th><th>Confidence</th><th>Citations</th></tr></thead>
<tbody>
{{range .Findings}}<tr class="finding-row" data-id="{{.ID}}" data-severity="{{.Finding.Severity}}" data-verdict="{{.Finding.Verdict}}" data-category="{{.Finding.Category}}" data-search="{{.Search}}">
<td><a href="#{{.ID}}">{{.Result.EventID}}</a></td><td>{{.When}}</td><td>{{.Finding.RuleID}}</td>
<td><span class="badge sev-{{.Finding.Severity}}">{{.Finding.Severity}}</span></td><td>{{.Verdict}}</td><td>{{.Finding.Confidence}}</td>
<td>{{range $i, $c := .Finding.Citations}}{{if $i}}; {{end}}<a href="{{$c.URL}}">{{$c.Resolution}} {{$c.Paragraph}}</a>{{end}}</td></tr>
{{end}}</tbody>
</table>
</section>
<section id="cards">
<h2>Findings in detail</h2>
{{range .Findings}}<article class="card" id="{{.ID}}" style="border-left-color: {{.Colour}}" data-severity="{{.Finding.Severity}}" data-verdict="{{.Finding.Verdict}}" data-category="{{.Finding.Category}}" data-search="{{.Search}}">
<h3><span class="badge sev-{{.Finding.Severity}}">{{.Finding.Severity}}</span> {{.Finding.RuleID}}: {{.Finding.Title}}</h3>
<div class="meta">{{.Result.EventID}} · {{.Result.Event.Type}}, {{.When}} · {{.Result.Location.File}}:{{.Result.Location.Line}} · <b>{{.Verdict}}</b>, confidence <b>{{.Finding.Confidence}}</b></div>
{{if .Result.Event.Summary}}<p>{{.Result.Event.Summary}}</p>{{end}}
<p><b>Citations</b></p><ul>{{range .Finding.Citations}}<li><a href="{{.URL}}">UNSCR {{.Resolution}}, paragraph {{.Paragraph}}</a>: {{.Summary}}{{if .Note}} <i>({{.Note}})</i>{{end}}</li>{{end}}</ul>
<p><b>Reasoning</b></p><ol>{{range .Finding.Reasoning}}<li>{{.}}</li>{{end}}</ol>
{{if .Evidence}}<p><b>Evidence</b></p>{{range .Evidence}}<blockquote>“{{.Quote}}”<br>— {{if .URL}}<a href="{{.URL}}">{{.Source}}</a>{{else}}{{.Source}}{{end}}</blockquote>{{end}}{{end}}
{{if .Finding.CounterEvidence}}<p><b>Denials</b>: {{range $i, $c := .Finding.CounterEvidence}}{{if $i}}; {{end}}{{$c.Status}} by {{$c.By}}{{end}}</p>{{end}}
</article>
{{end}}</section>
{{if .Exempted}}<section id="exempted">
<h2>Exempted findings</h2>
{{range .Exempted}}<article class="exempted-card" id="{{.ID}}">
<h3>{{.Line}}</h3>
<div class="meta">{{.Result.EventID}} · {{.Result.Event.Type}}, {{.When}} · {{.Result.Location.File}}:{{.Result.Location.Line}} · finding turned off: <b>{{.Verdict}}</b>, confidence <b>{{.Finding.Confidence}}</b>, severity {{.Finding.Severity}}</div>
{{if .Result.Event.Summary}}<p>{{.Result.Event.Summary}}</p>{{end}}
{{with .Finding.Exemption}}{{if .Reference}}<p><b>Exemption</b>: {{.Reference}}</p>{{end}}{{if .Reason}}<p><b>Why</b>: {{.Reason}}</p>{{end}}{{if .URL}}<p><b>Source</b>: <a href="{{.URL}}">{{.URL}}</a></p>{{end}}{{end}}
</article>
{{end}}</section>
{{end}}
{{if .Quiet}}<section><h2>Events without findings</h2><p>{{range $i, $r := .Quiet}}{{if $i}}, {{end}}<code>{{$r.EventID}}</code> ({{$r.Location.File}}:{{$r.Location.Line}}){{end}}</p></section>{{end}}
{{if .Report.Errors}}<section><h2>Errors</h2><ul class="errors">{{range .Report.Errors}}<li>{{.Error}}</li>{{end}}</ul></section>{{end}}
</main>
<footer><p>{{.Report.Disclaimer}}</p></footer>
<script>
(function () {
  var text = document.getElementById("filter-text");
  var sev = document.getElementById("filter-severity");
  var verdict = document.getElementById("filter-verdict");
  var cat = document.getElementById("filter-category");
  var shown = document.getElementById("shown");
  function matches(el) {
    var q = text.value.trim().toLowerCase();
    return (!q || el.getAttribute("data-search").indexOf(q) >= 0) &&
      (!sev.value || el.getAttribute("data-severity") === sev.value) &&
      (!verdict.value || el.getAttribute("data-verdict") === verdict.value) &&
      (!cat.value || el.getAttribute("data-category") === cat.value);
  }
  function apply() {
    var n = 0;
    document.querySelectorAll(".finding-row, .card").forEach(function (el) {
      var ok = matches(el);
      el.classList.toggle("hidden", !ok);
      if (ok && el.classList.contains("finding-row")) { n++; }
    });
    shown.textContent = n + " shown";
  }
  [text, sev, verdict, cat].forEach(function (el) { el.addEventListener("input", apply); });
  apply();
})();
</script>
</body>
</html>
`))
