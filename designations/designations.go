// Package designations reads the UN Security Council Consolidated List (XML) and writes the
// rule library's designations table (rules/data/designations.json): the persons and entities
// under an asset freeze or travel ban, by regime.
package designations

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
	Source       string        `json:"source"`
	Generated    string        `json:"generated,omitempty"` // the list's dateGenerated
	Regimes      []string      `json:"regimes"`
	Designations []Designation `json:"designations"`
}

// Designation is one listed person or entity.
type Designation struct {
	Reference   string   `json:"reference"` // KPi.033, KPe.001
	Type        string   `json:"type"`      // individual or entity
	Name        string   `json:"name"`
	Aliases     []string `json:"aliases"`
	Regime      string   `json:"regime"`
	ListedOn    string   `json:"listed_on"`
	DelistedOn  string   `json:"delisted_on,omitempty"`
	Nationality []string `json:"nationality,omitempty"`
	BirthDates  []string `json:"birth_dates,omitempty"`
	Comments    string   `json:"comments,omitempty"`
}

// The Consolidated List's XML, as much of it as the table needs.
type xmlList struct {
	DateGenerated string          `xml:"dateGenerated,attr"`
	Individuals   []xmlIndividual `xml:"INDIVIDUALS>INDIVIDUAL"`
	Entities      []xmlEntity     `xml:"ENTITIES>ENTITY"`
}

type xmlAlias struct {
	Quality string `xml:"QUALITY"`
	Name    string `xml:"ALIAS_NAME"`
}

type xmlCommon struct {
	DataID     string `xml:"DATAID"`
	FirstName  string `xml:"FIRST_NAME"`
	ListType   string `xml:"UN_LIST_TYPE"`
	Reference  string `xml:"REFERENCE_NUMBER"`
	ListedOn   string `xml:"LISTED_ON"`
	DelistedOn string `xml:"DELISTED_ON"`
	Comments   string `xml:"COMMENTS1"`
}

type xmlIndividual struct {
	xmlCommon
	SecondName  string     `xml:"SECOND_NAME"`
	ThirdName   string     `xml:"THIRD_NAME"`
	FourthName  string     `xml:"FOURTH_NAME"`
	Nationality []string   `xml:"NATIONALITY>VALUE"`
	Aliases     []xmlAlias `xml:"INDIVIDUAL_ALIAS"`
	BirthDates  []struct {
		Date string `xml:"DATE"`
		Year string `xml:"YEAR"`
	} `xml:"INDIVIDUAL_DATE_OF_BIRTH"`
}

type xmlEntity struct {
	xmlCommon
	Aliases []xmlAlias `xml:"ENTITY_ALIAS"`
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// FromUNList converts the Consolidated List, keeping the designations of the given regimes
// (UN_LIST_TYPE, such as DPRK). Entries are sorted by reference, so the output is stable.
func FromUNList(r io.Reader, source string, regimes []string) (*List, error) {
	var x xmlList
	dec := xml.NewDecoder(r)
	if err := dec.Decode(&x); err != nil {
		line, _ := dec.InputPos()
		return nil, fmt.Errorf("line %d: not a UN Consolidated List: %w", line, err)
	}
	want := map[string]bool{}
	for _, r := range regimes {
		want[strings.ToUpper(r)] = true
	}
	list := &List{Source: source, Generated: dateOnly(x.DateGenerated), Regimes: regimes, Designations: []Designation{}}
	var problems []string
	add := func(c xmlCommon, kind, name string, aliases []xmlAlias, fill func(*Designation)) {
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
			Comments:   clean(c.Comments),
		}
		for _, a := range aliases {
			if n := clean(a.Name); n != "" && n != d.Name && !slices.Contains(d.Aliases, n) {
				d.Aliases = append(d.Aliases, n)
			}
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
		default:
			list.Designations = append(list.Designations, d)
		}
	}
	for _, in := range x.Individuals {
		name := strings.Join(nonEmpty(in.FirstName, in.SecondName, in.ThirdName, in.FourthName), " ")
		add(in.xmlCommon, "individual", name, in.Aliases, func(d *Designation) {
			for _, n := range in.Nationality {
				if n = clean(n); n != "" {
					d.Nationality = append(d.Nationality, n)
				}
			}
			for _, b := range in.BirthDates {
				if v := strings.TrimSpace(b.Date); v != "" {
					d.BirthDates = append(d.BirthDates, dateOnly(v))
				} else if v := strings.TrimSpace(b.Year); v != "" {
					d.BirthDates = append(d.BirthDates, v)
				}
			}
		})
	}
	for _, en := range x.Entities {
		add(en.xmlCommon, "entity", en.FirstName, en.Aliases, nil)
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%d entries cannot be used: %s", len(problems), strings.Join(problems, "; "))
	}
	sort.Slice(list.Designations, func(i, j int) bool { return list.Designations[i].Reference < list.Designations[j].Reference })
	return list, nil
}

// Write renders the table as indented JSON.
func (l *List) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(l)
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

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
