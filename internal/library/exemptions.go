package library

import (
	"slices"
	"strconv"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/phrase"
)

// checkExemptions checks the exemptions table for what its schema (schema/data/exemptions.json)
// cannot state, and writes its countries as codes. The schema makes an entry name what was
// exempted, so that it cannot turn off more than that (the rules are in the table's header
// comment and docs/data.md): it lists the rules it turns off and names its source; its match
// names the event alone, or else the exempted organisation or supplier (supplier.name), the
// recipient (its country or name), the item categories and both ends of the period. Here: ids
// are unique, the rules are rules of the library, the countries are in the countries table, the
// categories are item categories of the event schema, every party name can be matched, and the
// period runs forward. lib/exemptions.rego ignores an entry that lacks one of these, so a server
// that loads the table without this check cannot match more either.
//
// rules is the set of the library's rule ids, or nil when it is not known (a rule was set aside):
// the rule ids of the entries are then not checked.
func checkExemptions(t *table, countries map[string]string, categories []string, rules map[string]bool) diag.List {
	var probs diag.List
	ids := map[string]bool{}
	for i, x := range asList(t.value) {
		p := []string{strconv.Itoa(i)}
		at := func(k ...string) []string { return append(slices.Clone(p), k...) }
		e := asMap(x)
		if id := e["id"].(string); ids[id] {
			probs = append(probs, t.problem(at("id"), false, "exemption id %q is used twice", id))
		} else {
			ids[id] = true
		}
		for j, r := range asList(e["rules"]) {
			if s := r.(string); rules != nil && !rules[s] {
				probs = append(probs, t.problem(at("rules", strconv.Itoa(j)), false, "%q is not the id of a rule of the library", s))
			}
		}
		m := asMap(e["match"])
		if _, byEvent := m["event"]; byEvent {
			continue
		}
		for _, side := range []string{"supplier", "recipient"} {
			probs = append(probs, checkExemptionParty(t, at("match", side), asMap(m[side]), countries)...)
		}
		for j, c := range asList(m["categories"]) {
			if !slices.Contains(categories, c.(string)) {
				probs = append(probs, t.problem(at("match", "categories", strconv.Itoa(j)), false, "%v is not an item category", c))
			}
		}
		if f, u := m["from"].(string), m["until"].(string); f > u {
			probs = append(probs, t.problem(at("match", "until"), false, "until (%s) is before from (%s)", u, f))
		}
	}
	return probs
}

// checkExemptionParty checks the supplier or recipient of a match, {name, aliases, country}, and
// writes its country as a code. Every name must give the keys party names are matched by
// (NameKeys): one short word gives none.
func checkExemptionParty(t *table, pp []string, party map[string]any, countries map[string]string) diag.List {
	var probs diag.List
	at := func(k ...string) []string { return append(slices.Clone(pp), k...) }
	name := func(path []string, s string) {
		if len(NameKeys(s)) == 0 {
			probs = append(probs, t.problem(path, false, "%q cannot be matched: a name of one word needs four letters or more (give the full name)", s))
		}
	}
	if s, ok := party["name"].(string); ok {
		name(at("name"), s)
	}
	for j, a := range asList(party["aliases"]) {
		name(at("aliases", strconv.Itoa(j)), a.(string))
	}
	if s, ok := party["country"].(string); ok && countries != nil { // without countries, that table's problems are reported
		code, ok := countries[phrase.Key(s)]
		if !ok {
			probs = append(probs, t.problem(at("country"), false, "unknown country %q", s))
		} else {
			party["country"] = code
		}
	}
	return probs
}
