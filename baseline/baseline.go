// Package baseline records the findings a team has accepted (by event id and rule id, never by
// line number, so that editing a file does not invalidate it) and takes them out of later
// reports, so that CI fails only on new findings.
package baseline

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/sanctions-dev/sanctions/report"
)

// Version is the baseline file format's version.
const Version = 1

// File is a baseline.
type File struct {
	Version  int                    `json:"version"`
	Findings []report.BaselineEntry `json:"findings"`
}

// FromReport records every finding of a report.
func FromReport(r *report.Report) *File {
	b := &File{Version: Version, Findings: []report.BaselineEntry{}}
	for _, res := range r.Results {
		for _, f := range res.Findings {
			b.Findings = append(b.Findings, report.BaselineEntry{EventID: res.EventID, RuleID: f.RuleID})
		}
	}
	sort.Slice(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.EventID != y.EventID {
			return x.EventID < y.EventID
		}
		return x.RuleID < y.RuleID
	})
	return b
}

// Write renders the baseline as indented JSON.
func (b *File) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(b)
}

// Load reads a baseline file.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var b File
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("%s: not a baseline: %w", path, err)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("%s: baseline version %d, want %d", path, b.Version, Version)
	}
	for i, e := range b.Findings {
		if e.EventID == "" || e.RuleID == "" {
			return nil, fmt.Errorf("%s: findings[%d] lacks event_id or rule_id", path, i)
		}
	}
	return &b, nil
}

// Apply takes the baseline's findings out of the report, recounts the summary, and records in
// the report how many were taken out and which baseline entries no longer occur.
func (b *File) Apply(r *report.Report, path string) {
	accepted := map[report.BaselineEntry]bool{}
	for _, e := range b.Findings {
		accepted[e] = true
	}
	seen := map[report.BaselineEntry]bool{}
	info := &report.BaselineInfo{File: path, Stale: []report.BaselineEntry{}}
	r.Summary.Findings = 0
	r.Summary.BySeverity = map[string]int{}
	for i := range r.Results {
		res := &r.Results[i]
		kept := res.Findings[:0]
		for _, f := range res.Findings {
			e := report.BaselineEntry{EventID: res.EventID, RuleID: f.RuleID}
			if accepted[e] {
				seen[e] = true
				info.Suppressed++
				continue
			}
			kept = append(kept, f)
			r.Summary.Findings++
			r.Summary.BySeverity[string(f.Severity)]++
		}
		res.Findings = kept
	}
	for _, e := range b.Findings {
		if !seen[e] {
			info.Stale = append(info.Stale, e)
		}
	}
	r.Baseline = info
}
