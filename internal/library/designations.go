package library

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/sanctions-dev/sanctions/internal/diag"
	"github.com/sanctions-dev/sanctions/internal/phrase"
	"github.com/sanctions-dev/sanctions/internal/sortedkeys"
)

// designationIndex is what the loader derives from the designations table: data.sanctions.index
// .designations (name key -> references), .designated (reference -> entry) and .imo (IMO number
// -> reference).
type designationIndex struct {
	byName, byRef, byIMO map[string]any
}

// indexDesignations checks the designations table (its form checked by its schema) for what a
// schema cannot state, and indexes every name, alias and former name, in the forms of NameKeys,
// and every vessel's IMO number. Persons and entities carry their UN reference number
// (KPi.033, KPe.001); a vessel is identified by its IMO number and its reference is "IMO " and
// that number, which is not a UN reference number. References and source ids are unique, an
// IMO number's check digit is right, an entry is delisted after it was listed, and every entry
// names one of the table's sources.
func indexDesignations(t *table) (idx designationIndex, probs diag.List) {
	idx = designationIndex{byName: map[string]any{}, byRef: map[string]any{}, byIMO: map[string]any{}}
	root := asMap(t.value)
	sources := map[string]bool{}
	for i, x := range asList(root["sources"]) {
		id := asMap(x)["id"].(string)
		if sources[id] {
			probs = append(probs, t.problem([]string{"sources", strconv.Itoa(i), "id"}, false, "source id %q is used twice", id))
		}
		sources[id] = true
	}
	refsByKey := map[string]map[string]bool{}
	for i, x := range asList(root["designations"]) {
		d := asMap(x)
		p := []string{"designations", strconv.Itoa(i)}
		at := func(k string) []string { return append(slices.Clone(p), k) }
		bad := false
		fail := func(path []string, format string, args ...any) {
			probs = append(probs, t.problem(path, false, format, args...))
			bad = true
		}
		ref, typ := d["reference"].(string), d["type"].(string)
		imo, _ := d["imo"].(string)
		if idx.byRef[ref] != nil {
			fail(at("reference"), "reference %s is listed twice", ref)
		}
		if typ == "vessel" {
			switch {
			case !validIMO(imo):
				fail(at("imo"), "%s is not an IMO number: its check digit is wrong", imo)
			case ref != "IMO "+imo: // with unique references, this makes IMO numbers unique too
				fail(at("reference"), "a vessel's reference is \"IMO %s\" (vessels are identified by IMO number, not by a UN reference)", imo)
			}
		}
		if dl, ok := d["delisted_on"].(string); ok && dl < d["listed_on"].(string) {
			fail(at("delisted_on"), "delisted before it was listed")
		}
		if src := d["source"].(string); !sources[src] {
			fail(at("source"), "source %q is not one of the table's sources", src)
		}
		if bad {
			continue
		}
		idx.byRef[ref] = d
		if typ == "vessel" {
			idx.byIMO[imo] = ref
		}
		names := []string{d["name"].(string)}
		for _, k := range []string{"aliases", "former_names"} {
			for _, n := range asList(d[k]) {
				names = append(names, n.(string))
			}
		}
		for _, n := range names {
			for _, k := range NameKeys(n) {
				if refsByKey[k] == nil {
					refsByKey[k] = map[string]bool{}
				}
				refsByKey[k][ref] = true
			}
		}
	}
	for k, refs := range refsByKey {
		list := sortedkeys.Of(refs)
		out := make([]any, len(list))
		for i, r := range list {
			out[i] = r
		}
		idx.byName[k] = out
	}
	return idx, probs
}

// validIMO checks an IMO number's check digit: the sum of its first six digits, weighted 7
// down to 2, modulo 10.
func validIMO(s string) bool {
	sum := 0
	for i := 0; i < 6; i++ {
		sum += int(s[i]-'0') * (7 - i)
	}
	return sum%10 == int(s[6]-'0')
}

// NameKeys are the index keys of a designated name (see indexDesignations); the rules compute
// the same keys for a party's name (sanctions.lib.name_keys, kept in step by a test). The words
// of a name are normalised (NameWords); the keys are the words, the words run together (for
// "Son-hui" and "Sonhui"), the words sorted (for reordered names), and the words without their
// legal form ("Korea Mining Development Trading" for "... Corporation"); a name with a part in
// brackets is keyed with and without it. Names of one short word are not indexed: they would
// match too much.
func NameKeys(name string) []string {
	keys := nameKeys(name)
	if bare := brackets.ReplaceAllString(name, " "); bare != name {
		keys = append(keys, nameKeys(bare)...) // "Daedong Credit Bank (DCB)" is also "Daedong Credit Bank"
		sort.Strings(keys)
		keys = slices.Compact(keys)
	}
	return keys
}

var brackets = regexp.MustCompile(`\([^()]*\)`)

func nameKeys(name string) []string {
	ws := NameWords(name)
	if len(ws) == 0 || (len(ws) == 1 && len(ws[0]) < 4) || !slices.ContainsFunc(ws, func(w string) bool { return !legalForms[w] }) {
		return nil // one short word, or legal forms only ("Co. Ltd."): they would match too much
	}
	sorted := append([]string{}, ws...)
	sort.Strings(sorted)
	keys := []string{strings.Join(ws, " "), strings.Join(ws, ""), strings.Join(sorted, " ")}
	var bare []string
	for _, w := range ws {
		if !legalForms[w] {
			bare = append(bare, w)
		}
	}
	if len(bare) > 1 && len(bare) < len(ws) {
		keys = append(keys, strings.Join(bare, " "))
	}
	sort.Strings(keys)
	return slices.Compact(keys)
}

// NameWords splits a name into normalised words: apostrophes of romanisation dropped
// ("Tanch'on" is "tanchon"), then the words of phrase.Words, with abbreviated legal forms
// written out ("Corp." is "corporation", "Co." "company", "Ltd." "limited"), and a leading
// "the" before other words dropped ("THE HOUTHIS" is "Houthis").
func NameWords(name string) []string {
	ws := phrase.Words(apostrophes.Replace(name))
	for i, w := range ws {
		if full, ok := abbreviations[w]; ok {
			ws[i] = full
		}
	}
	if len(ws) > 1 && ws[0] == "the" {
		ws = ws[1:]
	}
	return ws
}

var apostrophes = strings.NewReplacer("'", "", "\u2019", "", "\u2018", "", "`", "", "\u02bc", "")

// abbreviations are the short legal forms NameWords writes out; legalForms the full forms that a
// name's bare key leaves out. The Rego side has the same two tables (lib/unlist.rego).
var abbreviations = map[string]string{
	"corp": "corporation", "co": "company", "ltd": "limited", "inc": "incorporated",
	"intl": "international",
}

var legalForms = map[string]bool{
	"corporation": true, "company": true, "limited": true, "incorporated": true, "llc": true,
	"plc": true, "pte": true, "jsc": true, "gmbh": true,
}
