// Package baseline records the findings a team has accepted (by event id and rule id, never by
// line number, so that editing a file does not invalidate it) and leaves them out of later
// reports, so that CI fails only on new findings.
package baseline

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/report"
)

// Version is the baseline file format's version.
const Version = 1

// File is a baseline.
type File struct {
	Version  int                    `json:"version"`
	Findings []report.BaselineEntry `json:"findings"`
}

// Write renders the baseline as indented JSON, sorted.
func (b *File) Write(w io.Writer) error {
	sort.Slice(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.EventID != y.EventID {
			return x.EventID < y.EventID
		}
		return x.RuleID < y.RuleID
	})
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

// Recorder is a report.Sink that records every finding passing through it, for a new baseline.
type Recorder struct {
	Next report.Sink
	File File
}

// NewRecorder records the findings on their way to next.
func NewRecorder(next report.Sink) *Recorder {
	return &Recorder{Next: next, File: File{Version: Version, Findings: []report.BaselineEntry{}}}
}

// Verdict records the event's findings and passes it on.
func (r *Recorder) Verdict(res evaluator.Verdict) error {
	for _, f := range res.Findings {
		r.File.Findings = append(r.File.Findings, report.BaselineEntry{EventID: res.EventID, RuleID: f.RuleID})
	}
	return r.Next.Verdict(res)
}

// Error passes the problem on.
func (r *Recorder) Error(p *diag.Problem) error { return r.Next.Error(p) }

// Filter is a report.Sink that leaves out the baseline's findings before passing results on.
type Filter struct {
	Next       report.Sink
	baseline   *File
	accepted   map[report.BaselineEntry]bool
	seen       map[report.BaselineEntry]bool
	events     map[string]bool // the ids of the events evaluated
	suppressed int
}

// Filter leaves out the baseline's findings on their way to next.
func (b *File) Filter(next report.Sink) *Filter {
	f := &Filter{Next: next, baseline: b, accepted: map[report.BaselineEntry]bool{},
		seen: map[report.BaselineEntry]bool{}, events: map[string]bool{}}
	for _, e := range b.Findings {
		f.accepted[e] = true
	}
	return f
}

// Verdict drops the accepted findings and passes the rest on.
func (f *Filter) Verdict(res evaluator.Verdict) error {
	if res.EventID != "" && len(res.Rejected) == 0 {
		f.events[res.EventID] = true
	}
	kept := res.Findings[:0:0]
	for _, fi := range res.Findings {
		e := report.BaselineEntry{EventID: res.EventID, RuleID: fi.RuleID}
		if f.accepted[e] {
			f.seen[e] = true
			f.suppressed++
			continue
		}
		kept = append(kept, fi)
	}
	res.Findings = kept
	return f.Next.Verdict(res)
}

// Error passes the problem on.
func (f *Filter) Error(p *diag.Problem) error { return f.Next.Error(p) }

// Info says, once the run is over, how many findings were left out and which baseline entries
// no finding matched although their event was evaluated: an entry whose event was not in the
// input (or was rejected) says nothing about whether its finding still occurs.
func (f *Filter) Info(path string) *report.BaselineInfo {
	info := &report.BaselineInfo{File: path, Suppressed: f.suppressed, Stale: []report.BaselineEntry{}}
	for _, e := range f.baseline.Findings {
		if !f.seen[e] && f.events[e.EventID] {
			info.Stale = append(info.Stale, e)
		}
	}
	return info
}
