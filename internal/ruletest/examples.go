package ruletest

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/checkrun"
	"github.com/sanctions-dev/sanctions/internal/events"
)

// Examples checks every examples.yaml of the engine's library: each event under fire: must give
// a finding of the rule defined beside it, and none under quiet: may. A fire event may also say,
// under x.expect, the verdict and confidence its finding must have.
func Examples(ctx context.Context, eng *evaluator.Engine, lim events.Limits) ([]Case, error) {
	lib := eng.Library()
	byDir := map[string]string{}
	for _, r := range eng.Rules() {
		byDir[path.Dir(r.File)] = r.ID
	}
	var cases []Case
	covered := map[string]bool{}
	for _, f := range lib.Examples {
		covered[path.Dir(f.Name)] = true
	}
	for _, r := range eng.Rules() {
		if !covered[path.Dir(r.File)] {
			cases = append(cases, Case{Kind: "example", Name: "examples.yaml", Rule: r.ID, File: r.File, Line: r.Line,
				Message: "no examples.yaml beside the rule: every rule needs events that must and must not fire it"})
		}
	}
	for _, f := range lib.Examples {
		rule, ok := byDir[path.Dir(f.Name)]
		if !ok {
			cases = append(cases, Case{Kind: "example", Name: "examples", File: f.Name, Message: "no rule package beside this examples file"})
			continue
		}
		// One run per file: each rule's examples are a world of their own, whose ids other
		// rules' examples may reuse.
		run := &checkrun.Check{Limits: lim, Inputs: []checkrun.Input{checkrun.Bytes(f.Name, events.YAML, f.Data, "fire", "quiet")}}
		sections := map[string]int{}
		err := run.Stream(ctx, eng, func(_ int, rec events.Record, v evaluator.Verdict) error {
			sections[rec.Section]++
			if rec.Problem != nil {
				cases = append(cases, problemCase("example", rule, rec.Problem))
				return nil
			}
			cases = append(cases, exampleCase(rule, rec, v))
			return nil
		}, func(_ int, file *events.File) {
			for _, p := range file.Problems {
				cases = append(cases, problemCase("example", rule, p))
			}
		})
		if err != nil {
			return nil, err
		}
		for _, s := range []string{"fire", "quiet"} {
			if sections[s] == 0 {
				cases = append(cases, Case{Kind: "example", Name: s, Rule: rule, File: f.Name, section: s,
					Message: "no " + s + " examples: every rule needs events that must and must not fire it"})
			}
		}
	}
	sortCases(cases)
	return cases, nil
}

func exampleCase(rule string, rec events.Record, v evaluator.Verdict) Case {
	ev := rec.Event
	c := Case{Kind: "example", Name: rec.Section + ": " + ev.ID, Rule: rule, File: ev.Pos.File, Line: ev.Pos.Line,
		event: ev.ID, section: rec.Section}
	if len(v.Rejected) > 0 {
		c.Message, c.fault = "invalid example: "+v.Rejected.Error(), faultInput
		return c
	}
	if len(v.Failed) > 0 {
		c.Message, c.fault = "rule error: "+v.Failed.Error(), faultRule
		return c
	}
	var got *evaluator.Finding
	for i := range v.Findings {
		if v.Findings[i].RuleID == rule {
			got = &v.Findings[i]
		}
	}
	switch rec.Section {
	case "fire":
		if got == nil {
			c.Message = "did not fire"
			return c
		}
		if want := expected(ev); want != nil {
			for k, w := range want {
				var have string
				switch k {
				case "verdict":
					have = got.Verdict
				case "confidence":
					have = got.Confidence
				default:
					c.Message = fmt.Sprintf("x.expect.%s: unknown (want verdict, confidence)", k)
					return c
				}
				if have != w {
					c.Message = fmt.Sprintf("%s is %s, want %s; reasoning: %s", k, have, w, strings.Join(got.Reasoning, " "))
					return c
				}
			}
		}
	case "quiet":
		if got != nil {
			c.Message = "fired: " + strings.Join(got.Reasoning, " ")
			return c
		}
	}
	c.Pass = true
	return c
}

// expected reads x.expect: {verdict, confidence} of an example event.
func expected(ev *events.Event) map[string]string {
	x, _ := ev.Doc["x"].(map[string]any)
	e, _ := x["expect"].(map[string]any)
	if e == nil {
		return nil
	}
	out := map[string]string{}
	for k, v := range e {
		out[k] = fmt.Sprint(v)
	}
	return out
}
