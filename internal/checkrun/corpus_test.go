package checkrun_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
	"gopkg.in/yaml.v3"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/internal/checkrun"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

var updateCorpus = flag.Bool("update-corpus", false, "rewrite the want sections of testdata/badinput")

const goodEvent = `id: good-event
type: transfer
date: 2024-03
summary: The good event of every case, which must be evaluated whatever else goes wrong.
supplier: {country: KP}
recipient: {country: RU}
items: [{description: artillery shells}]
claims: [{status: reported, by: {country: US}}]
sources: [{id: s, publisher: p}]
evidence: [{quote: q, source: s}]
`

// TestBadInputCorpus runs every case of testdata/badinput: its files under in/ (plus a good
// event, in/zz-good.yaml) must give exactly the errors of its want section, in order, while the
// good event is still evaluated and every event is counted once.
func TestBadInputCorpus(t *testing.T) {
	eng := testrules.Engine(t)
	dirOfCases, _ := filepath.Abs("../../testdata/badinput")
	cases, err := filepath.Glob(filepath.Join(dirOfCases, "*.txtar"))
	if err != nil || len(cases) < 40 {
		t.Fatalf("%d cases (%v): the corpus needs at least 40", len(cases), err)
	}
	for _, file := range cases {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			lim := config.DefaultLimits()
			var want, evaluated []string
			wantIndex := -1
			for i, f := range ar.Files {
				switch f.Name {
				case "want":
					wantIndex = i
					want = lines(f.Data)
				case "evaluated":
					evaluated = lines(f.Data)
				case "limits":
					if err := limitsFrom(f.Data, &lim); err != nil {
						t.Fatal(err)
					}
				case "symlinks":
					for _, l := range lines(f.Data) {
						from, to, _ := strings.Cut(l, " -> ")
						os.MkdirAll(filepath.Join(dir, filepath.Dir(from)), 0o755)
						if err := os.Symlink(to, filepath.Join(dir, from)); err != nil {
							t.Fatal(err)
						}
					}
				case "fifos":
					for _, l := range lines(f.Data) {
						os.MkdirAll(filepath.Join(dir, filepath.Dir(l)), 0o755)
						if err := mkfifo(filepath.Join(dir, l)); err != nil {
							t.Fatal(err)
						}
					}
				default:
					p := filepath.Join(dir, f.Name)
					os.MkdirAll(filepath.Dir(p), 0o755)
					if err := os.WriteFile(p, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			os.MkdirAll(filepath.Join(dir, "in"), 0o755)
			os.WriteFile(filepath.Join(dir, "in", "zz-good.yaml"), []byte(goodEvent), 0o644)
			t.Chdir(dir)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			rep, err := (onPaths(t, checkrun.Check{Limits: lim}, "in")).Run(ctx, eng)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range rep.Errors {
				got = append(got, e.Error())
			}
			s := rep.Summary
			if s.Events != s.Evaluated+s.Rejected {
				t.Errorf("events %d != evaluated %d + rejected %d", s.Events, s.Evaluated, s.Rejected)
			}
			good := false
			seen := map[string]int{}
			for _, r := range rep.Results {
				good = good || r.EventID == "good-event" && len(r.Findings) == 1
				seen[r.EventID]++
			}
			if !good {
				t.Errorf("the good event was not evaluated (or gave no finding): %+v", rep.Results)
			}
			for _, id := range evaluated {
				if seen[id] != 1 {
					t.Errorf("event %s evaluated %d times, want once", id, seen[id])
				}
			}
			if *updateCorpus {
				data := []byte(strings.Join(got, "\n") + "\n")
				if wantIndex >= 0 {
					ar.Files[wantIndex].Data = data
				} else {
					ar.Files = append(ar.Files, txtar.File{Name: "want", Data: data})
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func lines(b []byte) []string {
	var out []string
	for _, l := range strings.Split(string(bytes.TrimRight(b, "\n")), "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// limitsFrom reads a case's limits section: the settings of limits.* in config/defaults.yaml.
func limitsFrom(data []byte, lim *events.Limits) error {
	var m map[string]int64
	if err := yaml.Unmarshal(data, &m); err != nil {
		return err
	}
	for k, v := range m {
		switch k {
		case "max_file_bytes":
			lim.MaxFileBytes = v
		case "max_event_bytes":
			lim.MaxEventBytes = int(v)
		case "max_depth":
			lim.MaxDepth = int(v)
		case "max_values":
			lim.MaxValues = int(v)
		case "max_events":
			lim.MaxEvents = int(v)
		case "max_string_bytes":
			lim.MaxString = int(v)
		default:
			return fmt.Errorf("unknown limit %q", k)
		}
	}
	return nil
}
