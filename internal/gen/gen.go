// Package gen makes synthetic events for benchmarks and load tests: a deterministic, seeded,
// realistic mix of event types, items, parties and claims, including events that fire every rule.
package gen

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
)

// Options choose how many events and which sequence.
type Options struct {
	Count int
	Seed  uint64
}

// weighted picks from choices by weight.
type weighted[T any] struct {
	items   []T
	weights []int
	total   int
}

func newWeighted[T any](pairs ...any) *weighted[T] {
	w := &weighted[T]{}
	for i := 0; i+1 < len(pairs); i += 2 {
		w.items = append(w.items, pairs[i].(T))
		w.weights = append(w.weights, pairs[i+1].(int))
		w.total += pairs[i+1].(int)
	}
	return w
}

func (w *weighted[T]) pick(r *rand.Rand) T {
	n := r.IntN(w.total)
	for i, wt := range w.weights {
		if n < wt {
			return w.items[i]
		}
		n -= wt
	}
	return w.items[len(w.items)-1]
}

var (
	types = newWeighted[string]("transfer", 40, "meeting", 14, "technical_assistance", 10, "launch", 8, "cooperation", 7,
		"financial", 7, "labour", 5, "agreement", 5, "deployment", 3, "other", 1)
	countries = []string{"KP", "RU", "CN", "IR", "SY", "KR", "JP", "US", "AE", "MY", "SG", "VN", "ID", "EG", "HK", "North Korea", "Russia", "DPRK", "Pyongyang", "Moscow"}
	items     = []string{
		"artillery shells", "152 mm shells", "KN-23 missiles", "hundreds of thousands of artillery rounds", "ballistic missiles",
		"240 mm multiple rocket launchers", "Koksan self-propelled guns", "anti-tank missiles", "Pantsir air defence system",
		"assault rifles", "rocket-propelled grenades", "military trucks", "MiG-29 fighter aircraft", "attack helicopters",
		"anthracite coal", "iron ore", "frozen fish", "textiles and garments", "refined petroleum", "crude oil", "diesel fuel",
		"luxury cars", "jewellery", "industrial machinery", "a second-hand oil tanker", "jet fuel", "gas condensate", "timber",
		"zinc concentrate", "bronze statues", "rare earth minerals", "rice", "wheat flour", "medical supplies",
		"solid-fuel engine components", "maraging steel", "satellite launch vehicle", "missile guidance technology",
		"sealed crates", "unmarked cargo", "wigs and false eyelashes", "bulk cash", "payments for missile components",
	}
	launches  = []string{"Hwasong-18 intercontinental ballistic missile", "KN-23", "strategic cruise missiles", "military reconnaissance satellite", "unidentified projectile", "Scud missiles"}
	statuses  = newWeighted[string]("reported", 45, "alleged", 30, "confirmed", 10, "denied", 12, "retracted", 3)
	claimants = []map[string]any{
		{"country": "US"}, {"country": "KR"}, {"country": "JP"}, {"name": "Panel of Experts", "kind": "international_org"},
		{"name": "Multilateral Sanctions Monitoring Team", "kind": "international_org"}, {"name": "Reuters", "country": "GB", "kind": "media"},
		{"name": "KCNA", "country": "KP", "kind": "state_entity"}, {"country": "RU"}, {"name": "a think tank", "kind": "ngo"},
	}
	units   = []string{"barrels", "tonnes", "rounds", "containers", "truckloads", "bbl"}
	parties = []map[string]any{
		{"name": "Korea Mining Development Trading Corporation", "country": "KP", "kind": "state_entity"},
		{"name": "Ri Won Ho", "country": "KP", "kind": "person"},
		{"name": "a trading company", "country": "HK", "kind": "company"},
		{"name": "a front company", "country": "MY", "kind": "company", "acting_for": "KPe.001"},
	}
	tags = []string{"ship-to-ship", "joint-venture", "notified", "medical"}
)

// Event makes the i-th event of the sequence.
func Event(r *rand.Rand, i int) map[string]any {
	typ := types.pick(r)
	year := 2005 + r.IntN(21)
	date := fmt.Sprintf("%04d-%02d", year, 1+r.IntN(12))
	if r.IntN(4) == 0 {
		date = fmt.Sprintf("%04d", year)
	}
	ev := map[string]any{
		"id":      fmt.Sprintf("gen-%07d", i),
		"type":    typ,
		"date":    date,
		"summary": fmt.Sprintf("Synthetic %s event %d.", typ, i),
	}
	kp := r.IntN(10) < 6 // most events involve the DPRK
	a, b := countries[r.IntN(len(countries))], countries[r.IntN(len(countries))]
	if kp {
		if r.IntN(2) == 0 {
			a = "KP"
		} else {
			b = "KP"
		}
	}
	switch typ {
	case "transfer", "technical_assistance", "financial", "labour", "deployment":
		ev["supplier"] = party(r, a)
		ev["recipient"] = party(r, b)
	case "launch":
		ev["parties"] = []any{map[string]any{"country": a, "role": "operator"}}
	case "cooperation", "agreement", "meeting":
		ev["parties"] = []any{
			map[string]any{"country": a, "role": "participant", "kind": "state_entity", "name": "a ministry"},
			map[string]any{"country": b, "role": "participant"},
		}
		if r.IntN(8) == 0 {
			p := parties[r.IntN(len(parties))]
			ev["parties"] = append(ev["parties"].([]any), copyOf(p, map[string]any{"role": "participant"}))
		}
		ev["location"] = map[string]any{"country": countries[r.IntN(len(countries))]}
	}
	if typ != "meeting" && typ != "labour" && typ != "deployment" || typ == "transfer" {
		n := 1 + r.IntN(3)
		var list []any
		for range n {
			desc := items[r.IntN(len(items))]
			if typ == "launch" {
				desc = launches[r.IntN(len(launches))]
			}
			it := map[string]any{"description": desc}
			if r.IntN(3) == 0 {
				it["quantity"] = map[string]any{"value": 100 * (1 + r.IntN(20000)), "unit": units[r.IntN(len(units))]}
			}
			list = append(list, it)
		}
		ev["items"] = list
	}
	if r.IntN(10) == 0 {
		ev["tags"] = []any{tags[r.IntN(len(tags))]}
	}
	var claims []any
	for range 1 + r.IntN(3) {
		claims = append(claims, map[string]any{"status": statuses.pick(r), "by": claimants[r.IntN(len(claimants))], "source": "s1"})
	}
	ev["claims"] = claims
	ev["sources"] = []any{map[string]any{"id": "s1", "publisher": "Synthetic wire", "published": date}}
	ev["evidence"] = []any{map[string]any{"quote": "A synthetic quote.", "source": "s1"}}
	return ev
}

func party(r *rand.Rand, country string) map[string]any {
	if r.IntN(10) == 0 {
		p := parties[r.IntN(len(parties))]
		if p["country"] == country || country == "KP" {
			return copyOf(p, nil)
		}
	}
	return map[string]any{"country": country}
}

func copyOf(m, extra map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = v
	}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

// WriteNDJSON writes the sequence as NDJSON.
func WriteNDJSON(w io.Writer, o Options) error {
	r := rand.New(rand.NewPCG(o.Seed, o.Seed^0x5eed))
	enc := json.NewEncoder(w)
	for i := range o.Count {
		if err := enc.Encode(Event(r, i)); err != nil {
			return err
		}
	}
	return nil
}
