package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
)

// HTML renders one self-contained page (no external scripts, fonts or styles): summary counts,
// a timeline of flagged events by month coloured by category (SVG made here), a filterable table
// of findings, and a card per finding.
type HTML struct {
	// Colours gives each finding category its colour in the timeline and the badges: the
	// categories of the rule library (library.Library.CategoryColours). Others are grey.
	Colours map[string]string
	// Labels gives each finding category the label a reader sees in place of its key (in the
	// filter, the timeline's legend and tooltips, the cards): the titles of the rule library's
	// categories (library.Library.CategoryTitles). A category without one is shown as its key
	// made readable ("cyber_ops" as "Cyber ops"); the key stays in data-category, which the
	// filter matches.
	Labels map[string]string
}

type htmlFinding struct {
	ID       string // anchor
	Result   evaluator.Verdict
	Finding  evaluator.Finding
	Colour   string
	Category string // the category's label (HTML.Labels)
	Sources  map[string]evaluator.Source
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
	X, Y         float64 // the swatch's top left corner
	TextY        float64 // the baseline of its label
}

// htmlExempted is a finding that an exemption turned off.
type htmlExempted struct {
	ID      string // anchor
	Result  evaluator.Verdict
	Finding evaluator.Finding
	Line    string // ExemptedLine
	When    string
	Verdict string
}

type htmlPage struct {
	Report     *Report
	Findings   []htmlFinding
	Exempted   []htmlExempted
	Quiet      []evaluator.Verdict
	Severities []sevCount
	Regimes    []sevCount // findings by regime, when they come from more than one
	Bars       []htmlBar
	Legend     []htmlLegend
	ChartW     float64
	ChartH     float64
	MaxCount   int
	Categories []htmlCategory

	colours map[string]string // category -> colour (HTML.Colours)
	labels  map[string]string // category -> label (HTML.Labels)
}

// htmlCategory is a category of the page's findings: its key (what data-category and the
// filter hold) and its label (what the reader sees).
type htmlCategory struct {
	Key, Label string
}

type sevCount struct {
	Name  string
	Count int
}

const chartBase = 170.0 // y of the chart's baseline

// Render writes r as HTML.
func (h HTML) Render(w io.Writer, r *Report) error {
	page := htmlPage{Report: r, colours: h.Colours, labels: h.Labels}
	for _, s := range evaluator.Severities {
		page.Severities = append(page.Severities, sevCount{string(s), r.Summary.BySeverity[string(s)]})
	}
	if len(r.Summary.ByRegime) > 1 {
		for _, g := range sortedkeys.Of(r.Summary.ByRegime) {
			page.Regimes = append(page.Regimes, sevCount{g, r.Summary.ByRegime[g]})
		}
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
		sources := map[string]evaluator.Source{}
		for _, s := range res.Event.Sources {
			sources[s.ID] = s
		}
		for _, f := range res.Findings {
			hf := htmlFinding{
				ID:       fmt.Sprintf("f-%s-%s", anchorOf(res.EventID), strings.ToLower(f.RuleID)),
				Result:   res,
				Finding:  f,
				Colour:   page.colourOf(f.Category),
				Category: page.labelOf(f.Category),
				Sources:  sources,
				When:     when,
				Verdict:  verdictText(f.Verdict),
			}
			hf.Search = strings.ToLower(strings.Join([]string{res.EventID, f.RuleID, f.Title, res.Event.Summary,
				f.Category, hf.Category, strings.Join(f.Reasoning, " ")}, " "))
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
		page.Categories = append(page.Categories, htmlCategory{Key: c, Label: page.labelOf(c)})
	}
	sort.Slice(page.Categories, func(i, j int) bool { return page.Categories[i].Key < page.Categories[j].Key })
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
			n := byMonth[m][c.Key]
			if n == 0 {
				continue
			}
			h := 140 * float64(n) / float64(p.MaxCount)
			y -= h
			bar.Segments = append(bar.Segments, htmlSegment{Y: y, Height: h, Colour: p.colourOf(c.Key), Title: fmt.Sprintf("%s: %d %s", m, n, c.Label)})
			bar.Total += n
		}
		p.Bars = append(p.Bars, bar)
	}
	// The legend runs in rows under the months: an entry that would pass the chart's right
	// edge starts the next row (a label is about 7 units a character).
	x, y := left, chartBase+28
	for _, c := range p.Categories {
		w := float64(utf8.RuneCountInString(c.Label))*7 + 30
		if x > left && x+w > left+width+40 {
			x, y = left, y+18
		}
		p.Legend = append(p.Legend, htmlLegend{Name: c.Label, Colour: p.colourOf(c.Key), X: x, Y: y, TextY: y + 9})
		x += w
	}
	p.ChartW, p.ChartH = left+width+40, y+22
}

// colourOf is a category's colour, grey for one the library does not colour.
func (p *htmlPage) colourOf(category string) string {
	if c, ok := p.colours[category]; ok {
		return c
	}
	return "#555555"
}

// labelOf is a category's label: the library's (HTML.Labels), or else its key made readable.
func (p *htmlPage) labelOf(category string) string {
	if l := p.labels[category]; l != "" {
		return l
	}
	return categoryLabel(category)
}

// categoryLabel makes a category key readable for a category the library gives no label:
// underscores become spaces and the first letter is upper-case ("arms_embargo" is
// "Arms embargo").
func categoryLabel(key string) string {
	s := strings.TrimSpace(strings.ReplaceAll(key, "_", " "))
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return key
	}
	return string(unicode.ToUpper(r)) + s[n:]
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

// htmlSource is the page's template.
//
//go:embed html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"upper":          strings.ToUpper,
	"add":            func(a, b int) int { return a + b },
	"verdict":        verdictText,
	"counterHeading": counterHeading,
}).Parse(htmlSource))
