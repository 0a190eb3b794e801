package ruletest

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/sanctions-dev/sanctions/internal/junit"
)

// TestFormats are the formats of `sanctions test`.
var TestFormats = []string{"text", "json", "junit"}

// RenderFixtures writes the outcome of `sanctions test` in a format.
func RenderFixtures(w io.Writer, format string, files []FixtureFile) error {
	switch format {
	case "text":
		return fixturesText(w, files)
	case "json":
		return fixturesJSON(w, files)
	case "junit":
		return fixturesJUnit(w, files)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(TestFormats, ", "))
}

// FixtureTotals counts files, events and failures.
func FixtureTotals(files []FixtureFile) (nfiles, events, failed int) {
	for _, f := range files {
		nfiles++
		events += len(f.Cases)
		failed += f.Failed()
	}
	return
}

func fixturesText(w io.Writer, files []FixtureFile) error {
	for _, f := range files {
		if f.Failed() == 0 {
			fmt.Fprintf(w, "ok    %s (%d events)\n", f.Name, len(f.Cases))
			continue
		}
		fmt.Fprintf(w, "FAIL  %s (%d of %d events differ)\n", f.Name, f.Failed(), len(f.Cases))
		for _, c := range f.Cases {
			if c.Pass {
				continue
			}
			fmt.Fprintf(w, "  %s:%d %s\n", c.File, c.Line, c.Name)
			for _, part := range strings.Split(c.Message, "; ") {
				fmt.Fprintf(w, "      %s\n", part)
			}
		}
	}
	n, events, failed := FixtureTotals(files)
	fmt.Fprintf(w, "%d fixture files, %d events: %d differ from their expectations.\n", n, events, failed)
	return nil
}

func fixturesJSON(w io.Writer, files []FixtureFile) error {
	type fileOut struct {
		File     string `json:"file"`
		Events   int    `json:"events"`
		Failures []Case `json:"failures"`
	}
	out := struct {
		Files   []fileOut      `json:"files"`
		Summary map[string]int `json:"summary"`
	}{Files: []fileOut{}}
	for _, f := range files {
		fo := fileOut{File: f.Name, Events: len(f.Cases), Failures: []Case{}}
		for _, c := range f.Cases {
			if !c.Pass {
				fo.Failures = append(fo.Failures, c)
			}
		}
		out.Files = append(out.Files, fo)
	}
	n, events, failed := FixtureTotals(files)
	out.Summary = map[string]int{"files": n, "events": events, "failed": failed}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func fixturesJUnit(w io.Writer, files []FixtureFile) error {
	out := junit.Suites{Name: "sanctions test"}
	for _, f := range files {
		s := junit.Suite{Name: f.Name}
		for _, c := range f.Cases {
			s.Cases = append(s.Cases, junitCase(c))
		}
		out.Add(s)
	}
	return junit.Write(w, out)
}

// junitCase is a case in the classname convention of `check`'s JUnit (docs/ci.md): classname is
// the event's id and name what was checked of it (a fixture's expectations, an example's rule);
// "rejected" is the classname of an input that is no event, named by its id when known, else
// "input". A Rego test, about no event, has its package as classname and its rule as name; a
// check of a rule's examples that is about no one event (none written), the rule's id.
func junitCase(c Case) junit.Case {
	tc := junit.Case{File: c.File, Line: c.Line}
	switch {
	case c.fault == faultInput:
		tc.ClassName, tc.Name = "rejected", c.event
		if tc.Name == "" {
			tc.Name = "input"
		}
	case c.Kind == "rego":
		tc.ClassName, tc.Name = c.pkg, c.test
	case c.Kind == "example" && c.event != "":
		tc.ClassName, tc.Name = c.event, c.section+": "+c.Rule
	case c.Kind == "example":
		tc.ClassName, tc.Name = c.Rule, c.Name
		if tc.ClassName == "" {
			tc.ClassName = "examples"
		}
	default: // a fixture's event
		tc.ClassName, tc.Name = c.event, "expectations"
	}
	if c.Pass {
		return tc
	}
	first, _, _ := strings.Cut(c.Message, "; ")
	first, _, _ = strings.Cut(first, "\n")
	first = strings.TrimSuffix(first, ":")
	msg := &junit.Message{Message: first, Text: strings.ReplaceAll(c.Message, "; ", "\n")}
	if c.fault != "" {
		msg.Type = c.fault
		tc.Error = msg
	} else {
		tc.Failure = msg
	}
	return tc
}

// RenderRuleTests writes the outcome of `sanctions rules test` in a format: cases are those run
// (after --run), filteredOut the number --run left out. Text lists the failures (every case when
// verbose) and a summary; JSON is RuleTestsJSON; JUnit a suite per file, in the convention of
// junitCase.
func RenderRuleTests(w io.Writer, format string, cases []Case, filteredOut int, verbose bool) error {
	failed := Failed(cases)
	switch format {
	case "text":
		for _, c := range cases {
			if verbose || !c.Pass {
				fmt.Fprintln(w, c.String())
			}
		}
		fmt.Fprintf(w, "%d checks: %d passed, %d failed", len(cases), len(cases)-failed, failed)
		if filteredOut > 0 {
			fmt.Fprintf(w, "; %d filtered out by --run", filteredOut)
		}
		fmt.Fprintln(w, ".")
		return nil
	case "json":
		out := RuleTestsJSON{Checks: make([]CheckJSON, 0, len(cases)), Summary: RuleTestsSummary{
			Checks: len(cases), Passed: len(cases) - failed, Failed: failed, FilteredOut: filteredOut}}
		for _, c := range cases {
			out.Checks = append(out.Checks, CheckJSON{Test: c.FullName(), Case: c})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	case "junit":
		out := junit.Suites{Name: "sanctions rules test"}
		var order []string
		byFile := map[string]*junit.Suite{}
		for _, c := range cases {
			s := byFile[c.File]
			if s == nil {
				s = &junit.Suite{Name: c.File}
				byFile[c.File] = s
				order = append(order, c.File)
			}
			s.Cases = append(s.Cases, junitCase(c))
		}
		for _, f := range order {
			out.Add(*byFile[f])
		}
		return junit.Write(w, out)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(TestFormats, ", "))
}

// RuleTestsJSON is the JSON of `sanctions rules test --format json` (docs/writing-rules.md):
// every check run, passed or failed, in the order of the text format, and the counts.
type RuleTestsJSON struct {
	Checks  []CheckJSON      `json:"checks"`
	Summary RuleTestsSummary `json:"summary"`
}

// CheckJSON is one check: its full name (what --run matches) and its outcome.
type CheckJSON struct {
	Test string `json:"test"`
	Case
}

// RuleTestsSummary counts the checks run, and those --run left out.
type RuleTestsSummary struct {
	Checks      int `json:"checks"`
	Passed      int `json:"passed"`
	Failed      int `json:"failed"`
	FilteredOut int `json:"filtered_out"`
}
