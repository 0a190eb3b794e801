package extract_test

import (
	"strings"
	"testing"

	"github.com/sanctions-dev/sanctions/internal/extract"
	"github.com/sanctions-dev/sanctions/internal/testkit/testrules"
)

// TestReadings: one case per reading rule that the evaluation's tuples would not pin down, each
// a short article and what its drafts must (or must not) hold.
func TestReadings(t *testing.T) {
	x, err := extract.New(testrules.Library(t))
	if err != nil {
		t.Fatal(err)
	}
	summary := func(ds []extract.Draft) string {
		var parts []string
		for _, d := range ds {
			p := d.Type
			if d.Supplier != nil {
				p += " " + d.Supplier.Country
			}
			if d.Recipient != nil {
				p += ">" + d.Recipient.Country
			}
			for _, pt := range d.Parties {
				p += " " + pt.Role + ":" + pt.Country
			}
			for _, it := range d.Items {
				p += " [" + it.Description + "]"
			}
			parts = append(parts, p)
		}
		return strings.Join(parts, "; ")
	}
	tests := []struct {
		name, text, want string // want: the drafts as summary writes them
	}{
		// The sentence structures the issue names, with the aliases of states.
		{"X shipped ... to Y, the North",
			"The North shipped artillery shells to Russia last month, Seoul said.", "transfer KP>RU [artillery shells]"},
		{"Y received ... from X, the Kremlin",
			"The Kremlin received ballistic missiles from Pyongyang in November.", "transfer KP>RU [ballistic missiles]"},
		{"X's transfer of ... to Y",
			"Pyongyang's transfer of artillery shells to Moscow continued in October.", "transfer KP>RU [artillery shells]"},
		{"Russia fired North Korean missiles",
			"Russia fired North Korean missiles at Kyiv on Sunday.", "transfer KP>RU end_user:RU [North Korean missiles]"},
		{"technical help from Russia",
			"North Korea received technical help from Russia for its satellite launch.", "technical_assistance RU>KP [satellite launch]"},
		// Rules learnt from the evaluation's batches.
		{"a participle after 'a' is an adjective",
			"North Korea showed a visiting American scientist a new uranium enrichment facility, the scientist said.", ""},
		{"a warning against buying is no transfer",
			"Washington warned Moscow against buying weapons from Pyongyang.", ""},
		{"a think tank is no tank",
			"Two ships loaded North Korean coal and delivered it to Chinese ports, a British think tank said.", "transfer KP>CN [North Korean coal]"},
		{"a comma ends the party before a say verb",
			"Kim Jong Un arrived in Russia on Tuesday for a summit with President Vladimir Putin, the Kremlin said.", "meeting participant:KP participant:RU"},
		{"what is sought is not added to the event before",
			"North Korea delivered 1,000 containers of munitions to Russia, the White House said. In exchange, Pyongyang is seeking fighter aircraft from Moscow.",
			"transfer KP>RU [munitions]"},
		{"who receives is not what is sent",
			"North Korea sold military radios to Eritrea's armed forces, the monitors said.", "transfer KP>ER [military radios]"},
		{"a cap on exports is no export",
			"The ministry said the suspension implements UN sanctions, which cap North Korea's coal exports.", ""},
		{"a stop on the way is not the supplier",
			"North Korea shipped military radios that were seized while in transit from China to Eritrea.", "transfer KP>ER [military radios]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := extract.Read("t.txt", []byte("date 2024-02-01\nSEOUL, Feb 1 (Test Wire) - "+tt.text+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			ds, err := x.Extract(a)
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(ds); got != tt.want {
				t.Errorf("drafts %q, want %q", got, tt.want)
			}
		})
	}
}
