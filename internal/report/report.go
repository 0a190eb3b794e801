// Package report is the report model (the JSON of docs/findings.md) and its renderers, one per
// format behind one interface. It knows formats, and nothing of how events are read or judged.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
)

// Version is the report format's version.
const Version = 1

// Disclaimer is printed once in every report.
const Disclaimer = "Findings flag reported events that may breach UN Security Council measures, judged on the facts as reported. " +
	"They are not legal determinations: each needs an analyst's review against its sources."

// Report is the result of one check.
type Report struct {
	Version    int                 `json:"version"`
	Summary    Summary             `json:"summary"`
	Results    []evaluator.Verdict `json:"results"`
	Errors     []*diag.Problem     `json:"errors"`
	Baseline   *BaselineInfo       `json:"baseline,omitempty"` // with check --baseline
	Disclaimer string              `json:"disclaimer"`

	Rules []evaluator.Rule `json:"-"` // the rules that ran, for formats that describe them (SARIF, JUnit)
	Tool  Tool             `json:"-"`
	// Hidden counts what a Display (SetDisplay) left out of Results; nil when nothing is left out.
	Hidden *Hidden `json:"-"`

	worst   evaluator.Severity // the most severe finding added
	omitted omitted            // errors past MaxListedErrors, counted
}

// MaxListedErrors is how many errors a report keeps and lists in full. Past it each error is
// counted (by message, for the most common) rather than kept, so that memory stays bounded
// however many events are rejected (250,000 lines of "{}" give 1.75 million errors); the report
// says how many it left out and which messages were most common, and every rejected event is
// still counted in the summary.
const MaxListedErrors = 10000

// omitted counts the errors past MaxListedErrors.
type omitted struct {
	count     int
	byMessage map[string]int // at most maxOmittedKinds messages; the rest in other
	other     int
	note      *diag.Problem // the last error listed, saying what was left out
}

const maxOmittedKinds = 1000

// Tool names the program that made the report.
type Tool struct {
	Name    string
	Version string
	URI     string
}

// BaselineInfo says what a baseline took out of the report.
type BaselineInfo struct {
	File       string          `json:"file"`
	Suppressed int             `json:"suppressed"` // findings left out because the baseline has them
	Stale      []BaselineEntry `json:"stale"`      // baseline entries no finding matched
	// Expired lists the entries past their expiry date whose finding occurred: it is reported
	// again, as a new finding.
	Expired []BaselineEntry `json:"expired"`
}

// BaselineEntry is one accepted finding: an event and a rule, with, optionally, why it is
// accepted and the last day it is (YYYY-MM-DD).
type BaselineEntry struct {
	EventID string `json:"event_id"`
	RuleID  string `json:"rule_id"`
	Reason  string `json:"reason,omitempty"`
	Expires string `json:"expires,omitempty"`
}

// Summary counts what happened. Every input event is counted once, as evaluated or rejected.
type Summary struct {
	Events     int            `json:"events"`
	Evaluated  int            `json:"evaluated"`
	Rejected   int            `json:"rejected"`
	Findings   int            `json:"findings"`
	BySeverity map[string]int `json:"by_severity"`
	ByRegime   map[string]int `json:"by_regime,omitempty"` // findings by the regime of their rule
	Rules      int            `json:"rules"`
	Exempted   int            `json:"exempted,omitempty"` // findings turned off by exemptions (each listed under its event)
	// ErrorsOmitted counts the errors past report.MaxListedErrors, counted but not listed.
	ErrorsOmitted int `json:"errors_omitted,omitempty"`
}

// New starts an empty report for a run of the given rules.
func New(rules []evaluator.Rule) *Report {
	return &Report{
		Version:    Version,
		Summary:    Summary{BySeverity: map[string]int{}, Rules: len(rules)},
		Rules:      rules,
		Results:    []evaluator.Verdict{},
		Errors:     []*diag.Problem{},
		Disclaimer: Disclaimer,
	}
}

// Add records a verdict: a rejected event with why, or an evaluated one with its findings and
// the rules that failed on it.
func (r *Report) Add(v evaluator.Verdict) {
	if r.addRejected(v) {
		return
	}
	if shown, ok := r.shown(r.count(v)); ok {
		r.Results = append(r.Results, shown)
	}
	r.addFailed(v)
}

// addRejected counts a rejected event and keeps why; it says whether v was rejected.
func (r *Report) addRejected(v evaluator.Verdict) bool {
	if len(v.Rejected) == 0 {
		return false
	}
	r.Summary.Events++
	r.Summary.Rejected++
	r.addErrors(v.Rejected...)
	return true
}

// addFailed keeps the rules that failed on an evaluated event.
func (r *Report) addFailed(v evaluator.Verdict) {
	r.addErrors(v.Failed...)
}

// addErrors keeps problems up to MaxListedErrors and counts the rest.
func (r *Report) addErrors(ps ...*diag.Problem) {
	for _, p := range ps {
		if len(r.Errors) < MaxListedErrors {
			r.Errors = append(r.Errors, p)
			continue
		}
		o := &r.omitted
		o.count++
		r.Summary.ErrorsOmitted = o.count
		if o.byMessage == nil {
			o.byMessage = map[string]int{}
		}
		if _, ok := o.byMessage[p.Message]; ok || len(o.byMessage) < maxOmittedKinds {
			o.byMessage[p.Message]++
		} else {
			o.other++
		}
	}
}

// ErrorCount is the number of errors, listed or not.
func (r *Report) ErrorCount() int {
	n := len(r.Errors) + r.omitted.count
	if r.omitted.note != nil {
		n-- // the note is not an error of its own
	}
	return n
}

// noteOmitted ends the list of errors with one saying what was left out past MaxListedErrors:
// "1,740,000 more errors are counted but not listed (the report lists the first 10000): 250000
// × missing required field "date", ...". It is done once, before the report is rendered.
func (r *Report) noteOmitted() {
	o := &r.omitted
	if o.count == 0 || o.note != nil {
		return
	}
	kinds := make([]string, 0, len(o.byMessage))
	for m := range o.byMessage {
		kinds = append(kinds, m)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if a, b := o.byMessage[kinds[i]], o.byMessage[kinds[j]]; a != b {
			return a > b
		}
		return kinds[i] < kinds[j]
	})
	var common []string
	for i, m := range kinds {
		if i == 10 {
			break
		}
		common = append(common, fmt.Sprintf("%d × %s", o.byMessage[m], m))
	}
	msg := fmt.Sprintf("%d more errors are counted but not listed (a report lists the first %d); the most common: %s",
		o.count, MaxListedErrors, strings.Join(common, "; "))
	o.note = &diag.Problem{Message: msg}
	r.Errors = append(r.Errors, o.note)
}

// count adds a result to the summary and returns it ready to render: empty lists rather than
// nil, findings (and exempted findings) located.
func (r *Report) count(res evaluator.Verdict) evaluator.Verdict {
	if res.Findings == nil {
		res.Findings = []evaluator.Finding{}
	}
	for _, fs := range [][]evaluator.Finding{res.Findings, res.Exempted} {
		for i := range fs {
			fs[i].Location = res.Location
			if fs[i].Citations == nil {
				fs[i].Citations = []evaluator.Citation{}
			}
			if fs[i].Evidence == nil {
				fs[i].Evidence = []evaluator.Evidence{}
			}
			if fs[i].CounterEvidence == nil {
				fs[i].CounterEvidence = []evaluator.CounterEvidence{}
			}
		}
	}
	for _, f := range res.Findings {
		r.Summary.BySeverity[string(f.Severity)]++
		if f.Regime != "" {
			if r.Summary.ByRegime == nil {
				r.Summary.ByRegime = map[string]int{}
			}
			r.Summary.ByRegime[f.Regime]++
		}
		if f.Severity.Rank() > r.worst.Rank() {
			r.worst = f.Severity
		}
	}
	r.Summary.Exempted += len(res.Exempted)
	r.Summary.Events++
	r.Summary.Evaluated++
	r.Summary.Findings += len(res.Findings)
	return res
}

// ExemptedLine is the one line every format gives an exempted finding: "Exempted:
// DPRK-SECTORAL-IMPORT  DPRK sectoral imports, by EX-HUM-UNICEF-2019-12 (humanitarian exemption
// under UNSCR 2397 (2017) 25)".
func ExemptedLine(f evaluator.Finding) string {
	line := fmt.Sprintf("Exempted: %s  %s", f.RuleID, f.Title)
	if e := f.Exemption; e != nil {
		line += fmt.Sprintf(", by %s (%s exemption under UNSCR %s)", e.ID, e.Kind, e.Basis)
	}
	return line
}

// exemptionText is ExemptedLine with the exemption's reference and where it can be read.
func exemptionText(f evaluator.Finding) string {
	text := ExemptedLine(f)
	if e := f.Exemption; e != nil {
		if e.Reference != "" {
			text += ": " + e.Reference
		}
		if e.URL != "" {
			text += " (" + e.URL + ")"
		}
	}
	return text
}

// AddError records a problem that is not one rejected event (a rule failing on an event that was
// still evaluated, an invalid expect block, an unreadable directory).
func (r *Report) AddError(p *diag.Problem) {
	r.addErrors(p)
}

// Worst is the highest severity among the findings, or "" when there are none.
func (r *Report) Worst() evaluator.Severity { return r.worst }

// Sink receives the outcome of a check, verdict by verdict, in input order, and the problems
// that are not about one event. A *Report keeps it all; a *Writer renders as it goes.
type Sink interface {
	Verdict(evaluator.Verdict) error
	Error(*diag.Problem) error
}

// Verdict keeps a verdict.
func (r *Report) Verdict(v evaluator.Verdict) error { r.Add(v); return nil }

// Error keeps a problem that is not one rejected event.
func (r *Report) Error(p *diag.Problem) error { r.AddError(p); return nil }

// Renderer writes a report in one format.
type Renderer interface {
	Render(w io.Writer, r *Report) error
}

// Options tune renderers.
type Options struct {
	Quiet bool // text: the summary only
	Color bool // text: ANSI colours (for a terminal, when NO_COLOR is unset)
	// CategoryColours gives each rule category its colour (html), as the rule library's
	// metadata schema does (library.Library.CategoryColours).
	CategoryColours map[string]string
	// CategoryLabels gives each rule category the title readers see in its place (html), as
	// the metadata schema does (library.Library.CategoryTitles).
	CategoryLabels map[string]string
}

// formats lists the renderers by name; the names feed --format's help.
var formats = map[string]func(Options) Renderer{
	"text":     func(o Options) Renderer { return Text{Quiet: o.Quiet, Color: o.Color} },
	"json":     func(Options) Renderer { return JSON{} },
	"ndjson":   func(Options) Renderer { return NDJSON{} },
	"markdown": func(Options) Renderer { return Markdown{} },
	"html":     func(o Options) Renderer { return HTML{Colours: o.CategoryColours, Labels: o.CategoryLabels} },
	"sarif":    func(Options) Renderer { return SARIF{} },
	"junit":    func(Options) Renderer { return JUnit{} },
	"csv":      func(Options) Renderer { return CSV{} },
	"github":   func(Options) Renderer { return GitHub{} },
}

// Names lists the formats, sorted.
func Names() []string {
	return sortedkeys.Of(formats)
}

// Known says whether name (in any case) is a format.
func Known(name string) bool {
	_, ok := formats[strings.ToLower(name)]
	return ok
}

// Lookup finds a renderer by name.
func Lookup(name string, o Options) (Renderer, error) {
	f, ok := formats[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want %s)", name, strings.Join(Names(), ", "))
	}
	return f(o), nil
}

// Streamer is a format that can write each result as it comes, keeping memory flat whatever the
// number of events: Begin before the first result, End after the last (with the summary and
// errors in r).
type Streamer interface {
	Renderer
	Begin(w io.Writer, r *Report) error
	WriteResult(w io.Writer, r *Report, res evaluator.Verdict, i int) error
	End(w io.Writer, r *Report) error
}

// Writer is a Sink that renders a report: a Streamer format writes each result as it comes and
// the report keeps only the counts and errors; any other format keeps everything and renders it
// at Close.
type Writer struct {
	Report   *Report
	w        io.Writer
	renderer Renderer
	stream   Streamer
	begun    bool
	n        int // results written
}

// NewWriter renders r (which carries the rules and tool) in the given format to w.
func NewWriter(w io.Writer, renderer Renderer, r *Report) *Writer {
	x := &Writer{Report: r, w: w, renderer: renderer}
	x.stream, _ = renderer.(Streamer)
	return x
}

// Verdict renders or keeps a verdict.
func (x *Writer) Verdict(v evaluator.Verdict) error {
	if x.stream == nil {
		x.Report.Add(v)
		return nil
	}
	if x.Report.addRejected(v) {
		return nil
	}
	if !x.begun {
		x.begun = true
		if err := x.stream.Begin(x.w, x.Report); err != nil {
			return err
		}
	}
	if shown, ok := x.Report.shown(x.Report.count(v)); ok {
		x.n++
		if err := x.stream.WriteResult(x.w, x.Report, shown, x.n-1); err != nil {
			return err
		}
	}
	x.Report.addFailed(v)
	return nil
}

// Error keeps a problem that is not one rejected event.
func (x *Writer) Error(p *diag.Problem) error { x.Report.AddError(p); return nil }

// Close writes what remains: the whole report, or the end of a stream.
func (x *Writer) Close() error {
	x.Report.noteOmitted()
	if x.stream == nil {
		return x.renderer.Render(x.w, x.Report)
	}
	if !x.begun {
		if err := x.stream.Begin(x.w, x.Report); err != nil {
			return err
		}
	}
	return x.stream.End(x.w, x.Report)
}

// renderStream renders a whole report through a Streamer.
func renderStream(s Streamer, w io.Writer, r *Report) error {
	if err := s.Begin(w, r); err != nil {
		return err
	}
	for i, res := range r.Results {
		if err := s.WriteResult(w, r, res, i); err != nil {
			return err
		}
	}
	return s.End(w, r)
}
