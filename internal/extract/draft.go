package extract

// Draft is a drafted event, in the event format (docs/events.md), with how it was found under
// x.extraction. Fields are in the order an analyst reads them.
type Draft struct {
	ID        string     `yaml:"id" json:"id"`
	Type      string     `yaml:"type" json:"type"`
	Date      string     `yaml:"date" json:"date"`
	EndDate   string     `yaml:"end_date,omitempty" json:"end_date,omitempty"`
	Summary   string     `yaml:"summary" json:"summary"`
	Supplier  *Party     `yaml:"supplier,omitempty" json:"supplier,omitempty"`
	Recipient *Party     `yaml:"recipient,omitempty" json:"recipient,omitempty"`
	Parties   []Party    `yaml:"parties,omitempty" json:"parties,omitempty"`
	Items     []Item     `yaml:"items,omitempty" json:"items,omitempty"`
	Location  *Place     `yaml:"location,omitempty" json:"location,omitempty"`
	Claims    []Claim    `yaml:"claims" json:"claims"`
	Sources   []Source   `yaml:"sources" json:"sources"`
	Evidence  []Evidence `yaml:"evidence" json:"evidence"`
	X         X          `yaml:"x" json:"x"`
}

// Party is a supplier, a recipient or another party.
type Party struct {
	Name    string `yaml:"name,omitempty" json:"name,omitempty"`
	Country string `yaml:"country,omitempty" json:"country,omitempty"`
	Kind    string `yaml:"kind,omitempty" json:"kind,omitempty"`
	Role    string `yaml:"role,omitempty" json:"role,omitempty"`
}

// Item is what was transferred, launched or agreed.
type Item struct {
	Description string    `yaml:"description" json:"description"`
	Category    string    `yaml:"category,omitempty" json:"category,omitempty"`
	Quantity    *Quantity `yaml:"quantity,omitempty" json:"quantity,omitempty"`
	Stage       string    `yaml:"stage,omitempty" json:"stage,omitempty"`
}

// Quantity is how many.
type Quantity struct {
	Value     float64 `yaml:"value" json:"value"`
	Unit      string  `yaml:"unit,omitempty" json:"unit,omitempty"`
	Qualifier string  `yaml:"qualifier,omitempty" json:"qualifier,omitempty"`
}

// Place is where.
type Place struct {
	Country string `yaml:"country" json:"country"`
}

// Claim is who says it happened, or denies it.
type Claim struct {
	Status string   `yaml:"status" json:"status"`
	By     Claimant `yaml:"by" json:"by"`
	Source string   `yaml:"source" json:"source"`
}

// Claimant is who makes a claim.
type Claimant struct {
	Name    string `yaml:"name,omitempty" json:"name,omitempty"`
	Country string `yaml:"country,omitempty" json:"country,omitempty"`
	Kind    string `yaml:"kind,omitempty" json:"kind,omitempty"`
}

// Source is the article.
type Source struct {
	ID        string `yaml:"id" json:"id"`
	Publisher string `yaml:"publisher" json:"publisher"`
	Title     string `yaml:"title,omitempty" json:"title,omitempty"`
	URL       string `yaml:"url,omitempty" json:"url,omitempty"`
	Published string `yaml:"published,omitempty" json:"published,omitempty"`
}

// Evidence is a sentence of the article, verbatim.
type Evidence struct {
	Quote  string `yaml:"quote" json:"quote"`
	Source string `yaml:"source" json:"source"`
}

// X holds the extraction's account of itself.
type X struct {
	Extraction Extraction `yaml:"extraction" json:"extraction"`
}

// Extraction says which rules of the extractor produced each part of the event, and how sure
// it is: 1 when every part was read from the text, less for each part it had to assume.
type Extraction struct {
	Article string   `yaml:"article" json:"article"`
	Score   float64  `yaml:"score" json:"score"`
	Rules   []string `yaml:"rules" json:"rules"`
}
