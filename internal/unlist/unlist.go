// Package unlist reads the UN Security Council Consolidated List (XML) and writes the
// rule library's designations table (rules/data/designations.json): the persons and entities
// under an asset freeze or travel ban, by regime, and the vessels designated by the 1718
// Committee.
//
// The table names its sources and the date of their snapshot; every entry names the source it
// comes from. Persons and entities come from the Consolidated List and carry its reference
// numbers (KPi.033, KPe.001). The list has no vessels: they are kept in the table from other
// sources (the Committee's press releases, official mirrors), are identified by their IMO number
// and have a reference of the form "IMO 1234567", which is not a UN reference number. Merge
// carries them over when a new list is imported.
package unlist

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// List is the designations table.
type List struct {
	Snapshot     string        `json:"snapshot"` // the date of the list (its dateGenerated)
	Regimes      []string      `json:"regimes"`
	Note         string        `json:"note,omitempty"`
	Sources      []Source      `json:"sources"`
	Designations []Designation `json:"designations"`
}

// Source is where entries come from.
type Source struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	// Repository, Path and Commit locate a copy of the source in a public repository, when
	// that copy is what was read.
	Repository string `json:"repository,omitempty"`
	Path       string `json:"path,omitempty"`
	Commit     string `json:"commit,omitempty"`
	File       string `json:"file,omitempty"`     // the file name that was imported
	Snapshot   string `json:"snapshot,omitempty"` // the date of the source's content
	Retrieved  string `json:"retrieved,omitempty"`
	Note       string `json:"note,omitempty"`
}

// Designation is one listed person, entity or vessel.
type Designation struct {
	// Reference is the UN reference number (KPi.033, KPe.001); for a vessel, "IMO " and its
	// IMO number, which is not a UN reference number.
	Reference   string   `json:"reference"`
	Type        string   `json:"type"` // individual, entity or vessel
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases"`
	FormerNames []string `json:"former_names,omitempty"` // a vessel's former names
	IMO         string   `json:"imo,omitempty"`          // a vessel's IMO number (7 digits)
	Flag        string   `json:"flag,omitempty"`         // a vessel's flag as the source gives it (ISO code)
	Regime      string   `json:"regime"`
	ListedOn    string   `json:"listed_on"`
	DelistedOn  string   `json:"delisted_on,omitempty"`
	// Country is the ISO code of the state the list ties the entry to: an individual's
	// nationality, else the country of the first address. Countries lists every one when the
	// list gives more than one.
	Country    string   `json:"country,omitempty"`
	Countries  []string `json:"countries,omitempty"`
	BirthDates []string `json:"birth_dates,omitempty"`
	// Measures are what the designation of a vessel requires (asset_freeze, port_entry_ban,
	// deflag), as its source says; Basis the paragraphs the source names for them.
	Measures []string `json:"measures,omitempty"`
	Basis    []string `json:"basis,omitempty"`
	Comments string   `json:"comments,omitempty"`
	Source   string   `json:"source"` // the id of one of the table's sources
}

// The Consolidated List's XML, as much of it as the table needs.
type xmlList struct {
	XMLName       xml.Name        `xml:"CONSOLIDATED_LIST"`
	DateGenerated string          `xml:"dateGenerated,attr"`
	Individuals   []xmlIndividual `xml:"INDIVIDUALS>INDIVIDUAL"`
	Entities      []xmlEntity     `xml:"ENTITIES>ENTITY"`
}

type xmlAlias struct {
	Quality string `xml:"QUALITY"`
	Name    string `xml:"ALIAS_NAME"`
}

type xmlAddress struct {
	Country string `xml:"COUNTRY"`
}

type xmlCommon struct {
	DataID       string `xml:"DATAID"`
	FirstName    string `xml:"FIRST_NAME"`
	ListType     string `xml:"UN_LIST_TYPE"`
	Reference    string `xml:"REFERENCE_NUMBER"`
	ListedOn     string `xml:"LISTED_ON"`
	DelistedOn   string `xml:"DELISTED_ON"`
	OriginalName string `xml:"NAME_ORIGINAL_SCRIPT"`
	Comments     string `xml:"COMMENTS1"`
}

type xmlIndividual struct {
	xmlCommon
	SecondName  string       `xml:"SECOND_NAME"`
	ThirdName   string       `xml:"THIRD_NAME"`
	FourthName  string       `xml:"FOURTH_NAME"`
	Nationality []string     `xml:"NATIONALITY>VALUE"`
	Aliases     []xmlAlias   `xml:"INDIVIDUAL_ALIAS"`
	Addresses   []xmlAddress `xml:"INDIVIDUAL_ADDRESS"`
	BirthDates  []struct {
		Date string `xml:"DATE"`
		Year string `xml:"YEAR"`
		From string `xml:"FROM_YEAR"`
		To   string `xml:"TO_YEAR"`
	} `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
}

type xmlEntity struct {
	xmlCommon
	Aliases   []xmlAlias   `xml:"ENTITY_ALIAS"`
	Addresses []xmlAddress `xml:"ENTITY_ADDRESS"`
}

var (
	isoDate  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)
	imoDigit = regexp.MustCompile(`^\d{7}$`)
)

// MaxComment is the length past which a comment is cut to its first sentences.
const MaxComment = 300

// Result is a converted list and what the conversion left out.
type Result struct {
	List *List
	// Warnings name what was left out of an entry that was kept (a country the table of
	// country names does not know).
	Warnings []string
}

// FromUNList converts the Consolidated List, keeping the designations of the given regimes
// (UN_LIST_TYPE, such as DPRK). src describes where the file came from; its ID is what every
// entry names, and its Snapshot is set to the list's date. Entries are sorted by reference, so
// the output is stable. A list with no entry of the regimes is an error. placeCountry, when not
// nil, places the country names the built-in table of the UN's spellings does not know (the rule
// library's countries table: names and aliases); a name neither knows is a warning.
func FromUNList(r io.Reader, src Source, regimes []string, placeCountry func(name string) (code string, ok bool)) (*Result, error) {
	var x xmlList
	dec := xml.NewDecoder(r)
	if err := dec.Decode(&x); err != nil {
		line, _ := dec.InputPos()
		return nil, fmt.Errorf("line %d: not a UN Consolidated List: %w", line, err)
	}
	want := map[string]bool{}
	for _, r := range regimes {
		want[strings.ToUpper(strings.TrimSpace(r))] = true
	}
	src.Snapshot = dateOnly(x.DateGenerated)
	if src.ID == "" {
		src.ID = "un-consolidated-list"
		if src.Snapshot != "" {
			src.ID += "-" + src.Snapshot
		}
	}
	list := &List{Snapshot: src.Snapshot, Regimes: regimes, Sources: []Source{src}, Designations: []Designation{}}
	res := &Result{List: list}
	var problems []string
	add := func(c xmlCommon, kind, name string, aliases []xmlAlias, nationality []string, addresses []xmlAddress, fill func(*Designation)) {
		if !want[strings.ToUpper(strings.TrimSpace(c.ListType))] {
			return
		}
		d := Designation{
			Reference:  strings.TrimSpace(c.Reference),
			Type:       kind,
			Name:       clean(name),
			Aliases:    []string{},
			Regime:     strings.TrimSpace(c.ListType),
			ListedOn:   dateOnly(c.ListedOn),
			DelistedOn: dateOnly(c.DelistedOn),
			Comments:   shorten(clean(c.Comments)),
			Source:     src.ID,
		}
		names := []string{clean(c.OriginalName)}
		for _, a := range aliases {
			names = append(names, cleanAlias(a.Name))
		}
		for _, n := range names {
			if n != "" && !strings.EqualFold(n, d.Name) && !slices.ContainsFunc(d.Aliases, func(s string) bool { return strings.EqualFold(s, n) }) {
				d.Aliases = append(d.Aliases, n)
			}
		}
		var countries []string
		for _, n := range append(append([]string{}, nationality...), countryNames(addresses)...) {
			if n = clean(n); n == "" {
				continue
			}
			code, ok := CountryCode(n)
			if !ok && placeCountry != nil {
				code, ok = placeCountry(n)
			}
			if !ok {
				res.Warnings = append(res.Warnings, fmt.Sprintf("%s: no ISO code known for the country %q: left out", d.Reference, n))
				continue
			}
			if !slices.Contains(countries, code) {
				countries = append(countries, code)
			}
		}
		if len(countries) > 0 {
			d.Country = countries[0]
		}
		if len(countries) > 1 {
			d.Countries = countries
		}
		if fill != nil {
			fill(&d)
		}
		switch {
		case d.Reference == "":
			problems = append(problems, fmt.Sprintf("DATAID %s (%s): no REFERENCE_NUMBER", c.DataID, d.Name))
		case d.Name == "":
			problems = append(problems, fmt.Sprintf("%s: no name", d.Reference))
		case !isoDate.MatchString(d.ListedOn):
			problems = append(problems, fmt.Sprintf("%s: LISTED_ON %q is not a date", d.Reference, c.ListedOn))
		case d.DelistedOn != "" && !isoDate.MatchString(d.DelistedOn):
			problems = append(problems, fmt.Sprintf("%s: DELISTED_ON %q is not a date", d.Reference, c.DelistedOn))
		default:
			list.Designations = append(list.Designations, d)
		}
	}
	for _, in := range x.Individuals {
		name := strings.Join(nonEmpty(in.FirstName, in.SecondName, in.ThirdName, in.FourthName), " ")
		add(in.xmlCommon, "individual", name, in.Aliases, in.Nationality, in.Addresses, func(d *Designation) {
			for _, b := range in.BirthDates {
				switch {
				case strings.TrimSpace(b.Date) != "":
					d.BirthDates = append(d.BirthDates, dateOnly(b.Date))
				case strings.TrimSpace(b.Year) != "":
					d.BirthDates = append(d.BirthDates, strings.TrimSpace(b.Year))
				case strings.TrimSpace(b.From) != "" && strings.TrimSpace(b.To) != "":
					d.BirthDates = append(d.BirthDates, strings.TrimSpace(b.From)+"/"+strings.TrimSpace(b.To))
				}
			}
		})
	}
	for _, en := range x.Entities {
		add(en.xmlCommon, "entity", en.FirstName, en.Aliases, nil, en.Addresses, nil)
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%d entries cannot be used: %s", len(problems), strings.Join(problems, "; "))
	}
	if len(list.Designations) == 0 {
		return nil, fmt.Errorf("%w of the regime %s (UN_LIST_TYPE) in the list", ErrEmpty, strings.Join(regimes, ", "))
	}
	seen := map[string]bool{}
	for _, d := range list.Designations {
		if seen[d.Reference] {
			return nil, fmt.Errorf("reference %s is listed twice", d.Reference)
		}
		seen[d.Reference] = true
	}
	sortEntries(list.Designations)
	return res, nil
}

// ErrEmpty is the error of a list that holds no designation of the regimes asked for.
var ErrEmpty = fmt.Errorf("no designations")

// Merge returns the new list with the entries the Consolidated List cannot hold carried over
// from the old table: its vessels of the new list's regimes, with the sources they name. It also
// returns how many it kept.
func Merge(old, fresh *List) (*List, int) {
	if old == nil {
		return fresh, 0
	}
	out := *fresh
	out.Designations = append([]Designation{}, fresh.Designations...)
	out.Sources = append([]Source{}, fresh.Sources...)
	if out.Note == "" {
		out.Note = old.Note
	}
	have := map[string]bool{}
	for _, s := range out.Sources {
		have[s.ID] = true
	}
	regimes := map[string]bool{}
	for _, r := range fresh.Regimes {
		regimes[strings.ToUpper(strings.TrimSpace(r))] = true
	}
	kept := 0
	for _, d := range old.Designations {
		if d.Type != "vessel" || !regimes[strings.ToUpper(d.Regime)] {
			continue
		}
		out.Designations = append(out.Designations, d)
		kept++
		if have[d.Source] {
			continue
		}
		for _, s := range old.Sources {
			if s.ID == d.Source {
				out.Sources = append(out.Sources, s)
				have[s.ID] = true
			}
		}
	}
	sortEntries(out.Designations)
	return &out, kept
}

// Read decodes a designations table.
func Read(r io.Reader) (*List, error) {
	var l List
	if err := json.NewDecoder(r).Decode(&l); err != nil {
		return nil, err
	}
	return &l, nil
}

// Write renders the table as indented JSON.
func (l *List) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(l)
}

// Count says how many entries of each type the table holds.
func (l *List) Count() map[string]int {
	n := map[string]int{}
	for _, d := range l.Designations {
		n[d.Type]++
	}
	return n
}

// sortEntries orders persons, then entities (by reference), then vessels (by IMO number).
func sortEntries(ds []Designation) {
	rank := map[string]int{"individual": 0, "entity": 1, "vessel": 2}
	sort.SliceStable(ds, func(i, j int) bool {
		if ri, rj := rank[ds[i].Type], rank[ds[j].Type]; ri != rj {
			return ri < rj
		}
		return ds[i].Reference < ds[j].Reference
	})
}

// ValidIMO says whether s is an IMO ship identification number: seven digits whose last is
// the check digit (the sum of the first six, weighted 7 down to 2, modulo 10).
func ValidIMO(s string) bool {
	if !imoDigit.MatchString(s) {
		return false
	}
	sum := 0
	for i := 0; i < 6; i++ {
		sum += int(s[i]-'0') * (7 - i)
	}
	return sum%10 == int(s[6]-'0')
}

func countryNames(as []xmlAddress) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Country)
	}
	return out
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// cleanAlias drops the quotation marks the list sometimes puts around an alias ("KOMID").
func cleanAlias(s string) string {
	s = clean(s)
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"'", "'"}} {
		if len(s) > 2 && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			s = clean(s[len(q[0]) : len(s)-len(q[1])])
		}
	}
	return s
}

// shorten cuts a long comment after the last full sentence that fits in MaxComment
// characters, marking the cut with "…".
func shorten(s string) string {
	if len([]rune(s)) <= MaxComment {
		return s
	}
	r := []rune(s)[:MaxComment]
	cut := strings.LastIndex(string(r), ". ")
	if cut < 40 {
		return strings.TrimSpace(string(r)) + "…"
	}
	return string(r)[:cut+1] + " …"
}

func dateOnly(s string) string {
	s = strings.TrimSpace(s)
	if m := isoDate.FindString(s); m != "" {
		return m
	}
	return s
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x = clean(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}
