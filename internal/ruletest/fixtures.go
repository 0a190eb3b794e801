package ruletest

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/checkrun"
	"github.com/sanctions-dev/sanctions/internal/events"
)

// Fixtures evaluates every event of the fixture files under paths and compares the rules that
// fire with each file's expect block. Every event needs an expectation, and every expectation an
// event.
func Fixtures(ctx context.Context, eng *evaluator.Engine, lim events.Limits, paths ...string) ([]Case, error) {
	files, err := FixtureFiles(ctx, eng, lim, paths...)
	if err != nil {
		return nil, err
	}
	var cases []Case
	for _, f := range files {
		cases = append(cases, f.Cases...)
	}
	return cases, nil
}

// FixtureFile is one fixture file checked: a case per event (and per stray expectation), and
// what the rules now say, for --update.
type FixtureFile struct {
	Name   string
	Cases  []Case
	Fired  map[string][]string // event id -> the rules that fire now, sorted
	Order  []string            // event ids in file order
	Broken bool                // the file or an event in it could not be read: no update
}

// Failed counts the cases of the file that did not pass.
func (f FixtureFile) Failed() int { return Failed(f.Cases) }

// judged is one record of a fixture file with its verdict.
type judged struct {
	rec events.Record
	v   evaluator.Verdict
}

// FixtureFiles is Fixtures, file by file. The events of every file go through one check run,
// so an id used twice, in one file or in two, is an error as it is in `sanctions check`.
func FixtureFiles(ctx context.Context, eng *evaluator.Engine, lim events.Limits, paths ...string) ([]FixtureFile, error) {
	inputs, err := checkrun.Paths(paths, checkrun.Input{})
	if err != nil {
		return nil, err
	}
	run := &checkrun.Check{Limits: lim, Inputs: inputs}
	out := make([]FixtureFile, len(run.Inputs))
	records := make([][]judged, len(run.Inputs))
	decoded := make([]*events.File, len(run.Inputs))
	err = run.Stream(ctx, eng, func(in int, rec events.Record, v evaluator.Verdict) error {
		records[in] = append(records[in], judged{rec, v})
		return nil
	}, func(in int, f *events.File) { decoded[in] = f })
	if err != nil {
		return nil, err
	}
	for i, in := range run.Inputs {
		if len(in.Listing) > 0 { // a path that could not be listed: its problems, no file
			f := FixtureFile{Name: in.Name, Broken: true}
			for _, p := range in.Listing {
				f.Cases = append(f.Cases, problemCase("fixture", "", p))
			}
			out[i] = f
			continue
		}
		out[i] = fixtureFile(FixtureFile{Name: in.Name, Fired: map[string][]string{}}, decoded[i], records[i])
	}
	return out, nil
}

// fixtureFile compares the verdicts of one file's events with its expect block.
func fixtureFile(ff FixtureFile, file *events.File, records []judged) FixtureFile {
	expect := map[string]events.Expectation{}
	if file != nil {
		expect = file.Expect
		for _, p := range file.Problems {
			ff.Broken = true
			ff.Cases = append(ff.Cases, problemCase("fixture", "", p))
		}
	}
	seen := map[string]bool{}
	for _, j := range records {
		rec, v := j.rec, j.v
		if rec.Problem != nil {
			ff.Broken = true
			ff.Cases = append(ff.Cases, problemCase("fixture", "", rec.Problem))
			continue
		}
		ev := rec.Event
		c := Case{Kind: "fixture", Name: ev.ID, File: ev.Pos.File, Line: ev.Pos.Line, event: ev.ID}
		seen[ev.ID] = true
		fired := []string{}
		for _, fi := range v.Findings {
			fired = append(fired, fi.RuleID)
		}
		sort.Strings(fired)
		exp, ok := expect[ev.ID]
		switch {
		case len(v.Rejected) > 0:
			ff.Broken = true
			c.Message, c.fault = "invalid event: "+v.Rejected.Error(), faultInput
		case len(v.Failed) > 0:
			ff.Broken = true
			c.Message, c.fault = "rule error: "+v.Failed.Error(), faultRule
		case !ok:
			c.Message = "no expectation for this event in the file's expect block"
		default:
			c.Message = Compare(exp.Rules, v.Findings)
			if d := CompareVerdicts(exp.Verdicts, v.Findings); d != "" {
				c.Message = strings.Join(slices.DeleteFunc([]string{c.Message, d}, func(s string) bool { return s == "" }), "; ")
			}
			if d := CompareExempted(exp.Exempted, v.Exempted); exp.Exempted != nil && d != "" {
				c.Message = strings.Join(slices.DeleteFunc([]string{c.Message, d}, func(s string) bool { return s == "" }), "; ")
			}
			c.Pass = c.Message == ""
		}
		if len(v.Rejected) == 0 && len(v.Failed) == 0 {
			ff.Fired[ev.ID] = fired
			ff.Order = append(ff.Order, ev.ID)
		}
		ff.Cases = append(ff.Cases, c)
	}
	for id, exp := range expect {
		if !seen[id] {
			ff.Cases = append(ff.Cases, Case{Kind: "fixture", Name: id, File: exp.Pos.File, Line: exp.Pos.Line, event: id,
				Message: "expectation for an event that is not in the file"})
		}
	}
	sortCases(ff.Cases)
	return ff
}
