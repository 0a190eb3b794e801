package evaluator

import (
	"fmt"
)

// Findings come back from Rego as plain Go values (map[string]any); they are read field by
// field rather than through a JSON round trip.

func findingsOf(v any) ([]Finding, error) {
	var items []any
	switch x := v.(type) {
	case nil:
		return nil, nil
	case []any:
		items = x
	default:
		return nil, fmt.Errorf("findings: want a set of objects, got %T", v)
	}
	out := make([]Finding, 0, len(items))
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("finding: want an object, got %T", it)
		}
		f := findingOf(m)
		if err := f.Check(); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

func findingOf(m map[string]any) Finding {
	f := Finding{
		RuleID:     str(m, "rule_id"),
		Title:      str(m, "title"),
		Regime:     str(m, "regime"),
		Category:   str(m, "category"),
		Severity:   Severity(str(m, "severity")),
		Verdict:    str(m, "verdict"),
		Confidence: str(m, "confidence"),
		EventID:    str(m, "event_id"),

		Citations:       []Citation{},
		Reasoning:       []string{},
		Evidence:        []Evidence{},
		CounterEvidence: []CounterEvidence{},
	}
	for _, c := range list(m, "citations") {
		f.Citations = append(f.Citations, Citation{Resolution: str(c, "resolution"), Paragraph: str(c, "paragraph"),
			Summary: str(c, "summary"), URL: str(c, "url"), Note: str(c, "note")})
	}
	if rs, ok := m["reasoning"].([]any); ok {
		for _, r := range rs {
			if s, ok := r.(string); ok {
				f.Reasoning = append(f.Reasoning, s)
			}
		}
	}
	for _, e := range list(m, "evidence") {
		f.Evidence = append(f.Evidence, Evidence{Quote: str(e, "quote"), Source: str(e, "source")})
	}
	for _, c := range list(m, "counter_evidence") {
		f.CounterEvidence = append(f.CounterEvidence, CounterEvidence{By: str(c, "by"), Status: str(c, "status"), Source: str(c, "source"),
			Note: str(c, "note"), URL: str(c, "url")})
	}
	if e, ok := m["exemption"].(map[string]any); ok {
		f.Exemption = &Exemption{ID: str(e, "id"), Kind: str(e, "kind"), Basis: str(e, "basis"),
			Reference: str(e, "reference"), Note: str(e, "note"), URL: str(e, "url"), Reason: str(e, "reason")}
	}
	return f
}

// str is m[k] when it is a string, else "".
func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func list(m map[string]any, k string) []map[string]any {
	xs, _ := m[k].([]any)
	out := make([]map[string]any, 0, len(xs))
	for _, x := range xs {
		if mm, ok := x.(map[string]any); ok {
			out = append(out, mm)
		}
	}
	return out
}
