// Package runner runs the checks: it wires events, evaluator and report together, apart from any
// command-line concerns (cmd/sanctions owns flags and exit codes).
package checkrun

import (
	"context"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/report"
)

// Engine is a loaded, compiled rule library with the validator built from its schema.
type Engine struct {
	Library   *library.Library
	Evaluator *evaluator.Evaluator
	Validator *events.Validator
}

// NewEngine loads nothing itself: it compiles lib and builds its validator.
func NewEngine(ctx context.Context, lib *library.Library, opts evaluator.Options) (*Engine, error) {
	ev, err := evaluator.New(ctx, lib, opts)
	if err != nil {
		return nil, err
	}
	val, err := events.NewValidator(lib.SchemaPath, lib.Schema, lib.Countries)
	if err != nil {
		return nil, err
	}
	return &Engine{Library: lib, Evaluator: ev, Validator: val}, nil
}

// Verdict is what became of one event: rejected (Rejected holds why), or evaluated with its
// findings and any rule that failed on it.
type Verdict struct {
	Event    *events.Event
	Rejected diag.List
	Findings []evaluator.Finding
	Exempted []evaluator.Finding // findings that an exemption turned off
	Failed   diag.List
}

// Judge validates one event, converts it once, and evaluates every rule on it.
func (e *Engine) Judge(ctx context.Context, ev *events.Event) Verdict {
	if probs := e.Validator.Check(ev); len(probs) > 0 {
		return Verdict{Event: ev, Rejected: probs}
	}
	input, err := evaluator.Input(ev.Doc)
	if err != nil {
		return Verdict{Event: ev, Rejected: diag.List{{File: ev.Pos.File, Line: ev.Pos.Line, EventID: ev.ID, Message: err.Error()}}}
	}
	j, errs := e.Evaluator.Evaluate(ctx, input)
	v := Verdict{Event: ev, Findings: j.Findings, Exempted: j.Exempted}
	for _, re := range errs {
		v.Failed = append(v.Failed, re.Problem(ev.ID, ev.Pos.File, ev.Pos.Line))
	}
	return v
}

// ResultOf makes a report result of an evaluated event.
func ResultOf(v Verdict) report.Result {
	ev := v.Event
	loc := evaluator.Location{File: ev.Pos.File, Line: ev.Pos.Line}
	res := report.Result{EventID: ev.ID, Location: loc, Findings: v.Findings, Exempted: v.Exempted,
		Event: report.Event{Type: ev.Type, Date: ev.Date, EndDate: ev.EndDate, Summary: ev.Summary}}
	sources, _ := ev.Doc["sources"].([]any)
	for _, s := range sources {
		m, _ := s.(map[string]any)
		str := func(k string) string { x, _ := m[k].(string); return x }
		res.Event.Sources = append(res.Event.Sources, report.Source{ID: str("id"), Publisher: str("publisher"),
			Title: str("title"), URL: str("url"), Published: str("published")})
	}
	return res
}

// ReportRules describes the rules for the report formats that list them (SARIF, JUnit).
func (e *Engine) ReportRules() []report.Rule {
	var out []report.Rule
	for _, r := range e.Evaluator.Rules() {
		out = append(out, report.Rule{ID: r.ID, Title: r.Title, Description: r.Description, Regime: r.Regime,
			Category: r.Category, Severity: r.Severity, Citations: r.Citations, File: r.File})
	}
	return out
}
