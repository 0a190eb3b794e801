package checkrun_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/internal/checkrun"
	"github.com/sanctions-dev/sanctions/internal/report"
)

// An event variant of the accounting test: one NDJSON line, or one YAML list entry.
type variant struct {
	name string
	good bool
	json func(id string) string // one line, without the newline; nil: not for NDJSON
	yaml func(id string) string // a list entry, "  - id: ..." and more lines; nil: not for YAML
}

const (
	claimsJSON = `"claims": [{"status": "reported", "by": {"country": "US"}}], "sources": [{"id": "s", "publisher": "p"}], "evidence": [{"quote": "q", "source": "s"}]`
	claimsYAML = "    claims: [{status: reported, by: {country: US}}]\n    sources: [{id: s, publisher: p}]\n    evidence: [{quote: q, source: s}]\n"
)

var variants = []variant{
	{"transfer that fires", true,
		func(id string) string {
			return `{"id": "` + id + `", "type": "transfer", "date": "2024-03", "summary": "s", "supplier": {"country": "KP"}, "recipient": {"country": "RU"}, "items": [{"description": "artillery shells"}], ` + claimsJSON + `}`
		},
		func(id string) string {
			return "  - id: " + id + "\n    type: transfer\n    date: 2024-03\n    summary: s\n    supplier: {country: KP}\n    recipient: {country: RU}\n    items: [{description: artillery shells}]\n" + claimsYAML
		}},
	{"meeting without findings", true,
		func(id string) string {
			return `{"id": "` + id + `", "type": "meeting", "date": "2024", "summary": "s", ` + claimsJSON + `}`
		},
		func(id string) string {
			return "  - id: " + id + "\n    type: meeting\n    date: 2024\n    summary: s\n" + claimsYAML
		}},
	{"impossible date", false,
		func(id string) string {
			return `{"id": "` + id + `", "type": "meeting", "date": "2023-13-45", "summary": "s", ` + claimsJSON + `}`
		},
		func(id string) string {
			return "  - id: " + id + "\n    type: meeting\n    date: 2023-13-45\n    summary: s\n" + claimsYAML
		}},
	{"unknown key and a missing summary", false,
		func(id string) string {
			return `{"id": "` + id + `", "type": "meeting", "date": "2024", "sumary": "s", ` + claimsJSON + `}`
		},
		func(id string) string {
			return "  - id: " + id + "\n    type: meeting\n    date: 2024\n    sumary: s\n" + claimsYAML
		}},
	{"negative quantity", false,
		func(id string) string {
			return `{"id": "` + id + `", "type": "transfer", "date": "2024-03", "summary": "s", "supplier": {"country": "KP"}, "recipient": {"country": "RU"}, "items": [{"description": "shells", "quantity": {"value": -5}}], ` + claimsJSON + `}`
		},
		func(id string) string {
			return "  - id: " + id + "\n    type: transfer\n    date: 2024-03\n    summary: s\n    supplier: {country: KP}\n    recipient: {country: RU}\n    items: [{description: shells, quantity: {value: -5}}]\n" + claimsYAML
		}},
	{"not an object", false, func(string) string { return `["a list"]` }, func(string) string { return "  - just a string\n" }},
	{"truncated line", false, func(id string) string { return `{"id": "` + id + `", "type": "transfer"` }, nil},
	{"not UTF-8", false, func(id string) string { return `{"id": "` + id + `", "summary": "caf` + "\xe9" + `"}` }, nil},
	{"line too long", false, func(id string) string { return `{"id": "` + id + `", "summary": "` + strings.Repeat("x", 5000) + `"}` }, nil},
	{"too deep", false,
		func(id string) string {
			return `{"id": "` + id + `", "x": ` + strings.Repeat(`{"a": `, 40) + "1" + strings.Repeat("}", 40) + `}`
		}, nil},
}

// TestAccountingInEveryFormat is a property test: over random mixes of good and bad events in
// NDJSON and YAML files, every event appears in every output format exactly once, as a result
// (the good ones) or as an error (the bad ones, and the second use of an id), by its line.
func TestAccountingInEveryFormat(t *testing.T) {
	eng := engine(t)
	lim := config.DefaultLimits()
	lim.MaxEventBytes = 4096
	for trial := range 12 {
		rng := rand.New(rand.NewPCG(uint64(trial), 7))
		dir := t.TempDir()
		good, bad := map[string]bool{}, map[string]bool{} // "file:line"
		var nd strings.Builder
		var seen []string // ids of good events in this file, for duplicates
		n := 5 + rng.IntN(30)
		for i := range n {
			id := fmt.Sprintf("t%d-nd-%d", trial, i)
			at := filepath.Join(dir, "mix.ndjson") + ":" + strconv.Itoa(i+1)
			if len(seen) > 0 && rng.IntN(8) == 0 {
				v := variants[1]
				nd.WriteString(v.json(seen[rng.IntN(len(seen))]) + "\n")
				bad[at] = true
				continue
			}
			v := variants[rng.IntN(len(variants))]
			nd.WriteString(v.json(id) + "\n")
			if v.good {
				good[at] = true
				seen = append(seen, id)
			} else {
				bad[at] = true
			}
		}
		var ym strings.Builder
		ym.WriteString("# a mix\nevents:\n")
		line := 3
		var starts []int // the first line of each YAML event: a problem is placed on its field's line
		for i := range 1 + rng.IntN(12) {
			var v variant
			for v.yaml == nil {
				v = variants[rng.IntN(len(variants))]
			}
			entry := v.yaml(fmt.Sprintf("t%d-y-%d", trial, i))
			starts = append(starts, line)
			at := filepath.Join(dir, "mix.yaml") + ":" + strconv.Itoa(line)
			if v.good {
				good[at] = true
			} else {
				bad[at] = true
			}
			ym.WriteString(entry)
			line += strings.Count(entry, "\n")
		}
		os.WriteFile(filepath.Join(dir, "mix.ndjson"), []byte(nd.String()), 0o644)
		os.WriteFile(filepath.Join(dir, "mix.yaml"), []byte(ym.String()), 0o644)

		for _, format := range report.Names() {
			t.Run(fmt.Sprintf("trial %d/%s", trial, format), func(t *testing.T) {
				renderer, err := report.Lookup(format, report.Options{})
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				w := report.NewWriter(&buf, renderer, checkrun.NewReport(eng))
				c := onPaths(t, checkrun.Check{Limits: lim, Workers: 1 + trial%4}, dir)
				if err := c.RunTo(context.Background(), eng, w); err != nil {
					t.Fatal(err)
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				results, errs := accountFor(t, format, buf.Bytes(), dir)
				yamlFile := filepath.Join(dir, "mix.yaml") + ":"
				for at := range errs {
					if l, ok := strings.CutPrefix(at, yamlFile); ok {
						n, _ := strconv.Atoi(l)
						i, found := slices.BinarySearch(starts, n)
						if !found {
							i--
						}
						delete(errs, at)
						errs[yamlFile+strconv.Itoa(starts[max(i, 0)])] = true
					}
				}
				if !sameSet(results, good) || !sameSet(errs, bad) {
					t.Errorf("results %v\nwant %v\nerrors %v\nwant %v", keys(results), keys(good), keys(errs), keys(bad))
				}
			})
		}
	}
}

// accountFor reads a report in one format and returns the places ("file:line") of the events it
// shows as results, and of those it shows as errors. A place shown twice as a result, in a
// format that lists results one by one, fails the test.
func accountFor(t *testing.T, format string, out []byte, dir string) (results, errs map[string]bool) {
	t.Helper()
	results, errs = map[string]bool{}, map[string]bool{}
	once := func(m map[string]bool, file string, line int) {
		at := file + ":" + strconv.Itoa(line)
		if m[at] {
			t.Errorf("%s: %s listed twice", format, at)
		}
		m[at] = true
	}
	type problem struct {
		File string `json:"file"`
		Line int    `json:"line"`
	}
	type result struct {
		Location problem `json:"location"`
	}
	switch format {
	case "json":
		var r struct {
			Results []result  `json:"results"`
			Errors  []problem `json:"errors"`
		}
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatal(err)
		}
		for _, res := range r.Results {
			once(results, res.Location.File, res.Location.Line)
		}
		for _, e := range r.Errors {
			errs[e.File+":"+strconv.Itoa(e.Line)] = true
		}
	case "ndjson":
		for _, l := range bytes.Split(bytes.TrimSpace(out), []byte("\n")) {
			var r struct {
				result
				Error *problem `json:"error"`
			}
			if err := json.Unmarshal(l, &r); err != nil {
				t.Fatal(err)
			}
			switch {
			case r.Error != nil:
				errs[r.Error.File+":"+strconv.Itoa(r.Error.Line)] = true
			case r.Location.File != "":
				once(results, r.Location.File, r.Location.Line)
			}
		}
	case "csv":
		rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows[1:] {
			at := row[2] + ":" + row[3]
			switch row[1] {
			case report.OutcomeError:
				errs[at] = true
			case report.OutcomeNoFindings:
				if results[at] {
					t.Errorf("csv: %s has findings and no findings", at)
				}
				results[at] = true
			default:
				results[at] = true
			}
		}
	case "sarif":
		var r struct {
			Runs []struct {
				Properties struct {
					Evaluated []problem `json:"evaluated"`
				} `json:"properties"`
				Invocations []struct {
					Notes []struct {
						Locations []struct {
							Physical struct {
								Artifact struct {
									URI string `json:"uri"`
								} `json:"artifactLocation"`
								Region struct {
									StartLine int `json:"startLine"`
								} `json:"region"`
							} `json:"physicalLocation"`
						} `json:"locations"`
					} `json:"toolExecutionNotifications"`
				} `json:"invocations"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatal(err)
		}
		for _, e := range r.Runs[0].Properties.Evaluated {
			once(results, e.File, e.Line)
		}
		for _, n := range r.Runs[0].Invocations[0].Notes {
			p := n.Locations[0].Physical
			errs[p.Artifact.URI+":"+strconv.Itoa(p.Region.StartLine)] = true
		}
	case "github": // a line per evaluated event in the log group; an annotation per error
		at := regexp.MustCompile(`^(\S+):(\d+) `)
		prop := regexp.MustCompile(`^::error file=([^,]+),line=(\d+),title=(sanctions%3A|[^:]*rule failed)`)
		inGroup := false
		for _, l := range strings.Split(string(out), "\n") {
			switch m, p := at.FindStringSubmatch(l), prop.FindStringSubmatch(l); {
			case strings.HasPrefix(l, "::group::") || l == "::endgroup::":
				inGroup = l != "::endgroup::"
			case inGroup && m != nil:
				n, _ := strconv.Atoi(m[2])
				once(results, m[1], n)
			case p != nil:
				errs[strings.NewReplacer("%3A", ":", "%2C", ",", "%25", "%").Replace(p[1])+":"+p[2]] = true
			}
		}
	case "junit":
		var r struct {
			Suites []struct {
				Cases []struct {
					ClassName string `xml:"classname,attr"`
					File      string `xml:"file,attr"`
					Line      int    `xml:"line,attr"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
		}
		if err := xml.Unmarshal(out, &r); err != nil {
			t.Fatal(err)
		}
		for _, s := range r.Suites {
			for _, c := range s.Cases {
				at := c.File + ":" + strconv.Itoa(c.Line)
				if c.ClassName == "rejected" {
					errs[at] = true
				} else {
					results[at] = true
				}
			}
		}
	default: // text, markdown, html: places before the errors section are results, after it errors
		marker := map[string]string{"text": "\nErrors (", "markdown": "\n## Errors", "html": "<h2>Errors</h2>"}[format]
		if marker == "" {
			t.Fatalf("no accounting for the %s format: add it to this test", format)
		}
		before, after, _ := bytes.Cut(out, []byte(marker))
		place := regexp.MustCompile(regexp.QuoteMeta(dir) + `/(mix\.(?:ndjson|yaml)):(\d+)`)
		for _, m := range place.FindAllSubmatch(before, -1) {
			results[filepath.Join(dir, string(m[1]))+":"+string(m[2])] = true
		}
		// Each error is a line (an item in HTML) that starts with its place; a message may
		// name another place ("already used at ...").
		sep := map[string]string{"text": "\n", "markdown": "\n", "html": "<li>"}[format]
		for _, l := range bytes.Split(after, []byte(sep)) {
			if m := place.FindSubmatchIndex(l); m != nil && len(bytes.TrimLeft(l[:m[0]], " -`")) == 0 {
				errs[filepath.Join(dir, string(l[m[2]:m[3]]))+":"+string(l[m[4]:m[5]])] = true
			}
		}
	}
	return results, errs
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func keys(m map[string]bool) []string { return slices.Sorted(maps.Keys(m)) }
