package rules_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/config"
	"github.com/sanctions-dev/sanctions/evaluator"
	"github.com/sanctions-dev/sanctions/internal/events"
	"github.com/sanctions-dev/sanctions/internal/library"
	"github.com/sanctions-dev/sanctions/internal/phrase"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// TestNoSilentMiss walks every rule over its firing examples with each party written each
// supported way, and fails on a silent miss: a variant that no longer fires the rule, or fires
// it with another verdict. For every party slot (supplier, recipient, each of parties) that
// holds a state, the state is written as its code, its name and every alias of the countries
// table (other names, adjective forms, capitals), in `country`; and, for a party that is a
// state, as a `name` with no country (with no kind and with kind: state). A DPRK location is
// also written as a DPRK port. Every variant is also evaluated as a stock OPA server would
// (no normalisation by Go) and must give the same findings as the checker.
func TestNoSilentMiss(t *testing.T) {
	ctx := context.Background()
	lib, eng := testrules.Library(t), testrules.Engine(t)
	plain := testrules.PlainOPA(t, lib)
	countries, _ := lib.Data["countries"].(map[string]any)
	forms := func(code string) []string {
		entry, _ := countries[code].(map[string]any)
		out := []string{code}
		if n, ok := entry["name"].(string); ok {
			out = append(out, n)
		}
		aliases, _ := entry["aliases"].([]any)
		for _, a := range aliases {
			out = append(out, a.(string))
		}
		return out
	}
	byDir := map[string]string{}
	for _, r := range eng.Rules() {
		byDir[path.Dir(r.File)] = r.ID
	}
	variants, rules := 0, map[string]bool{}
	for _, f := range lib.Examples {
		rule := byDir[path.Dir(f.Name)]
		_, err := events.Decode(ctx, events.Input{Name: f.Name, Reader: strings.NewReader(string(f.Data)), Format: events.YAML,
			Sections: []string{"fire"}}, config.DefaultLimits(), func(rec events.Record) error {
			if rec.Event == nil {
				return fmt.Errorf("%s: %v", f.Name, rec.Problem)
			}
			base := judge(ctx, t, eng, rec.Event.Doc, rule)
			if base == "" {
				t.Errorf("%s: %s does not fire %s", f.Name, rec.Event.ID, rule)
				return nil
			}
			for _, v := range partyVariants(rec.Event.Doc, lib.Countries, forms) {
				variants++
				rules[rule] = true
				got := judge(ctx, t, eng, v.doc, rule)
				if got != base {
					t.Errorf("silent miss: %s %s with %s: %s gives %q, the example as written %q", f.Name, rec.Event.ID, v.what, rule, got, base)
				}
				checked := checkerFindings(ctx, t, eng, v.doc)
				if p := plain(v.doc); !reflect.DeepEqual(p, checked) {
					t.Errorf("%s %s with %s: a stock OPA server gives %d findings, the checker %d", f.Name, rec.Event.ID, v.what, len(p), len(checked))
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(rules) < len(eng.Rules())/2 || variants < 500 {
		t.Errorf("the walk covered %d variants of %d rules' examples", variants, len(rules))
	}
	t.Logf("%d variants of the firing examples of %d rules", variants, len(rules))
}

type variant struct {
	what string
	doc  map[string]any
}

// partyVariants rewrites each state of each party slot of doc every supported way.
func partyVariants(doc map[string]any, index map[string]string, forms func(string) []string) []variant {
	var out []variant
	slots := []string{"supplier", "recipient"}
	parties, _ := doc["parties"].([]any)
	for i := range parties {
		slots = append(slots, "parties."+strconv.Itoa(i))
	}
	for _, slot := range slots {
		p := lookup(doc, slot)
		if p == nil {
			continue
		}
		c, _ := p["country"].(string)
		code := index[phrase.Key(c)]
		if code == "" {
			continue
		}
		_, named := p["name"]
		kind, _ := p["kind"].(string)
		stateLike := !named && (kind == "" || kind == "state")
		for _, form := range forms(code) {
			out = append(out, variant{fmt.Sprintf("%s.country %q", slot, form), rewrite(doc, slot, func(q map[string]any) {
				q["country"] = form
			})})
			if !stateLike {
				continue
			}
			for _, k := range []string{"", "state"} {
				out = append(out, variant{fmt.Sprintf("%s.name %q (kind %q, no country)", slot, form, k), rewrite(doc, slot, func(q map[string]any) {
					delete(q, "country")
					q["name"] = form
					if k != "" {
						q["kind"] = k
					}
				})})
			}
		}
	}
	if loc := lookup(doc, "location"); loc != nil {
		if c, _ := loc["country"].(string); index[phrase.Key(c)] == "KP" {
			for _, place := range []string{"Nampo", "Namp'o", "Chongjin", "Rajin"} {
				out = append(out, variant{fmt.Sprintf("location.place %q", place), rewrite(doc, "location", func(q map[string]any) {
					delete(q, "country")
					q["place"] = place
				})})
			}
		}
	}
	return out
}

func lookup(doc map[string]any, slot string) map[string]any {
	if i, ok := strings.CutPrefix(slot, "parties."); ok {
		n, _ := strconv.Atoi(i)
		parties, _ := doc["parties"].([]any)
		p, _ := parties[n].(map[string]any)
		return p
	}
	p, _ := doc[slot].(map[string]any)
	return p
}

// rewrite copies doc and changes one slot.
func rewrite(doc map[string]any, slot string, change func(map[string]any)) map[string]any {
	b, _ := json.Marshal(doc)
	var cp map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&cp); err != nil {
		panic(err)
	}
	if slot != "" {
		change(lookup(cp, slot))
	}
	return cp
}

// judge runs doc through the checker (validation, normalisation, every rule) and returns the
// verdict of rule's finding, or "" when it does not fire.
func judge(ctx context.Context, t *testing.T, eng *evaluator.Engine, doc map[string]any, rule string) string {
	t.Helper()
	for _, f := range checkerFindings(ctx, t, eng, doc) {
		if f.RuleID == rule {
			return f.Verdict
		}
	}
	return ""
}

// checkerFindings gives the checker's findings on a copy of doc (the checker normalises names).
func checkerFindings(ctx context.Context, t *testing.T, eng *evaluator.Engine, doc map[string]any) []evaluator.Finding {
	t.Helper()
	cp := rewrite(doc, "", func(map[string]any) {})
	id, _ := cp["id"].(string)
	v := eng.Judge(ctx, &events.Event{ID: id, Doc: cp})
	if len(v.Rejected) > 0 || len(v.Failed) > 0 {
		t.Fatalf("%s: rejected %v, failed %v", id, v.Rejected, v.Failed)
	}
	return v.Findings
}

// TestEveryDesignationIsFound walks the whole designations table: every listed individual,
// entity and vessel, under its listed name, each of its aliases, and the variants reports write
// (title case, abbreviated legal forms, hyphens as spaces or dropped), and, for a vessel, by IMO
// number alone, must give a finding of its regime's designation rule (DPRK-DESIGNATED,
// IRAN-DESIGNATED, YEMEN-DESIGNATED, LIBYA-DESIGNATED) whose reasoning names its reference: for
// a payment, or, for an individual listed for the travel ban only, a meeting abroad.
func TestEveryDesignationIsFound(t *testing.T) {
	ctx := context.Background()
	lib, eng := testrules.Library(t), testrules.Engine(t)
	table, _ := lib.Data["designations"].(map[string]any)
	list, _ := table["designations"].([]any)
	if len(list) < 150 {
		t.Fatalf("only %d designations in the table", len(list))
	}
	checked := 0
	for _, x := range list {
		d := x.(map[string]any)
		ref, typ, name := d["reference"].(string), d["type"].(string), d["name"].(string)
		forms := []string{name, titleCase(name), legalAbbreviations.Replace(name),
			strings.ReplaceAll(name, "-", " "), strings.ReplaceAll(name, "-", "")}
		aliases, _ := d["aliases"].([]any)
		for _, a := range aliases {
			forms = append(forms, a.(string))
		}
		var parties []map[string]any
		for _, f := range slices.Compact(slices.Sorted(slices.Values(forms))) {
			if len(library.NameKeys(f)) == 0 {
				continue // one short word, or no Latin letters: not matched by name, by design
			}
			parties = append(parties, map[string]any{"name": f, "kind": map[string]string{"individual": "person", "entity": "company", "vessel": "vessel"}[typ]})
		}
		if imo, ok := d["imo"].(string); ok {
			parties = append(parties, map[string]any{"name": "an unnamed tanker", "kind": "vessel", "ids": map[string]any{"imo": imo}})
		}
		rule := strings.ToUpper(d["regime"].(string)) + "-DESIGNATED"
		comments, _ := d["comments"].(string)
		travelOnly := strings.Contains(comments, "Travel Ban") && !strings.Contains(comments, "Asset Freeze")
		for _, p := range parties {
			checked++
			doc := designationEvent(ref, typ, p)
			if travelOnly {
				doc = meetingEvent(ref, p)
			}
			found := false
			for _, f := range checkerFindings(ctx, t, eng, doc) {
				if f.RuleID == rule && strings.Contains(strings.Join(f.Reasoning, " "), ref) {
					found = true
				}
			}
			if !found {
				t.Errorf("silent miss: %s %s written %v gives no %s finding naming it", typ, ref, p, rule)
			}
		}
	}
	t.Logf("%d names and IMO numbers of %d designations", checked, len(list))
}

var legalAbbreviations = strings.NewReplacer("CORPORATION", "Corp.", "COMPANY", "Co.", "LIMITED", "Ltd.")

// designationEvent is an event in which party p deals with a foreign company, after every
// listing date: a payment for a person or entity, a coal shipment carried by a vessel.
func designationEvent(ref, typ string, p map[string]any) map[string]any {
	doc := map[string]any{
		"id": "walk-" + strings.NewReplacer(" ", "-", ".", "-").Replace(ref), "date": "2026-01",
		"summary":   "Invented for the designation walk.",
		"claims":    []any{map[string]any{"status": "reported", "by": map[string]any{"country": "US"}}},
		"sources":   []any{map[string]any{"id": "s", "publisher": "Test Wire"}},
		"evidence":  []any{map[string]any{"quote": "invented", "source": "s"}},
		"recipient": map[string]any{"name": "a trading company", "country": "SG", "kind": "company"},
	}
	if typ == "vessel" {
		p["role"] = "carrier"
		doc["type"] = "transfer"
		doc["supplier"] = map[string]any{"name": "a coal trader", "country": "CN", "kind": "company"}
		doc["parties"] = []any{p}
		doc["items"] = []any{map[string]any{"description": "coal"}}
		return doc
	}
	doc["type"] = "financial"
	doc["supplier"] = p
	doc["items"] = []any{map[string]any{"description": "a payment"}}
	return doc
}

// meetingEvent is a meeting abroad, after every listing date, in which party p takes part.
func meetingEvent(ref string, p map[string]any) map[string]any {
	q := maps.Clone(p)
	q["role"] = "participant"
	return map[string]any{
		"id": "walk-" + strings.NewReplacer(" ", "-", ".", "-").Replace(ref), "date": "2026-01", "type": "meeting",
		"summary":  "Invented for the designation walk.",
		"claims":   []any{map[string]any{"status": "reported", "by": map[string]any{"country": "US"}}},
		"sources":  []any{map[string]any{"id": "s", "publisher": "Test Wire"}},
		"evidence": []any{map[string]any{"quote": "invented", "source": "s"}},
		"parties":  []any{q},
		"location": map[string]any{"country": "CH", "place": "Geneva"},
	}
}

// titleCase writes a listed name the way reports do: "Korea Ryonbong General Corporation".
func titleCase(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		r := []rune(w)
		ws[i] = strings.ToUpper(string(r[:1])) + string(r[1:])
	}
	return strings.Join(ws, " ")
}
