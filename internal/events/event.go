// Package events reads events (the input contract, docs/events.md) from YAML, JSON and NDJSON,
// each with the file and line it came from, and validates them against the event JSON Schema,
// normalising country names to ISO codes. It knows formats and nothing of Rego.
package events

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Event is one reported happening, as the rules see it.
type Event struct {
	ID      string
	Type    string
	Date    string
	EndDate string
	Summary string
	Pos     Position       // where the event starts in its input
	Doc     map[string]any // the event as written, with country names normalised to codes

	// locate finds the line and column of a field, for error messages.
	locate func(path []string, key bool) (line, col int)
}

// Position is a place in an input.
type Position struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column,omitempty"`
}

func (p Position) String() string {
	if p.Column > 0 {
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Locate returns the line and column of the field at path (keys and list indexes), or of the
// event itself when the field cannot be found. With key set, it points at the key, not the value.
func (e *Event) Locate(path []string, key bool) (line, col int) {
	if e.locate != nil {
		if l, c := e.locate(path, key); l > 0 {
			return l, c
		}
	}
	return e.Pos.Line, e.Pos.Column
}

// Expectation is what a fixture says the rules must find for one event: the rules that fire, and,
// when Exempted is not nil, the rules whose findings an exemption turns off (checked then only).
type Expectation struct {
	Rules    []string `json:"rules"`
	Exempted []string `json:"exempted,omitempty"`
	// Verdicts, when given, is the verdict each named rule's finding must have
	// (possible_violation or needs_review).
	Verdicts map[string]string `json:"verdicts,omitempty"`
	Pos      Position          `json:"-"`
}

// Format is an input format.
type Format string

// Formats.
const (
	YAML   Format = "yaml"
	JSON   Format = "json"
	NDJSON Format = "ndjson"
)

// Formats lists the input formats, for --input-format.
var Formats = []Format{YAML, JSON, NDJSON}

// FormatOf gives a file's format from its extension.
func FormatOf(name string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return YAML, true
	case ".json":
		return JSON, true
	case ".ndjson", ".jsonl":
		return NDJSON, true
	}
	return "", false
}

// ParseFormat checks a format name.
func ParseFormat(s string) (Format, error) {
	s = strings.ToLower(s)
	if s == string(Auto) {
		return Auto, nil
	}
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	if s == "jsonl" {
		return NDJSON, nil
	}
	return "", fmt.Errorf("unknown input format %q (want auto, yaml, json or ndjson)", s)
}
