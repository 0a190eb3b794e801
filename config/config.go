// Package config reads the tool's settings with viper: built-in defaults (defaults.yaml, in this
// directory), a config file, SANCTIONS_* environment variables and flags, in rising precedence.
package config

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/spf13/viper"

	"github.com/sanctions-dev/sanctions/internal/events"
)

//go:embed defaults.yaml
var defaults []byte

// Default is the built-in settings, from defaults.yaml alone: the one place a default is
// written. Flags take their defaults from it, and library code given no limits uses its limits.
var Default = sync.OnceValue(func() *Config {
	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(defaults)); err != nil {
		panic("config/defaults.yaml: " + err.Error()) // embedded at build time: tested
	}
	c, err := Load(v)
	if err != nil {
		panic("config/defaults.yaml: " + err.Error())
	}
	return c
})

// DefaultLimits are the built-in limits on inputs.
func DefaultLimits() events.Limits { return Default().Limits.Events() }

// Events are the limits as the event decoder takes them.
func (l Limits) Events() events.Limits {
	return events.Limits{
		MaxFileBytes:  l.MaxFileBytes,
		MaxEventBytes: l.MaxEventBytes,
		MaxDepth:      l.MaxDepth,
		MaxValues:     l.MaxValues,
		MaxEvents:     l.MaxEvents,
		MaxString:     l.MaxString,
	}
}

// Config is every setting.
type Config struct {
	Rules  Rules  `mapstructure:"rules"`
	Check  Check  `mapstructure:"check"`
	Limits Limits `mapstructure:"limits"`
	Serve  Serve  `mapstructure:"serve"`
	File   string `mapstructure:"-"` // the config file read, if any
}

// Rules says where the rule library is.
type Rules struct {
	Paths []string `mapstructure:"paths"`
}

// Check holds the settings of `sanctions check`.
type Check struct {
	Format      string `mapstructure:"format"`
	FailOn      string `mapstructure:"fail_on"`
	InputFormat string `mapstructure:"input_format"`
	Workers     int    `mapstructure:"workers"`
	KeepGoing   bool   `mapstructure:"keep_going"`
	// Regimes, when not empty, restricts check and serve to the rules of these regimes.
	Regimes []string `mapstructure:"regimes"`
}

// Limits bound what inputs may make the tool do.
type Limits struct {
	MaxFileBytes  int64 `mapstructure:"max_file_bytes"`
	MaxEventBytes int   `mapstructure:"max_event_bytes"`
	MaxDepth      int   `mapstructure:"max_depth"`
	MaxValues     int   `mapstructure:"max_values"`
	MaxEvents     int   `mapstructure:"max_events"`
	MaxString     int   `mapstructure:"max_string_bytes"`
	// EventTimeout bounds the evaluation of one event by the rules; 0 means no bound.
	EventTimeout time.Duration `mapstructure:"event_timeout"`
}

// Serve holds the settings of `sanctions serve`.
type Serve struct {
	Addr            string        `mapstructure:"addr"`
	Token           string        `mapstructure:"token"`
	Watch           bool          `mapstructure:"watch"`
	ReadTimeout     time.Duration `mapstructure:"read_timeout"`
	WriteTimeout    time.Duration `mapstructure:"write_timeout"`
	IdleTimeout     time.Duration `mapstructure:"idle_timeout"`
	ShutdownTimeout time.Duration `mapstructure:"shutdown_timeout"`
	LogLevel        string        `mapstructure:"log_level"`
	// MaxInflightBytes bounds the request bytes the server holds at once, all requests together
	// (see internal/server's budget); past it, a request gets 503 with Retry-After.
	MaxInflightBytes int64 `mapstructure:"max_inflight_bytes"`
}

// FileNames are the config file names searched, in order, when --config is not given.
var FileNames = []string{"sanctions.yaml", filepath.Join("config", "sanctions.yaml")}

// New makes a viper instance with the defaults, the config file (explicit, or the first of
// FileNames that exists) and the environment. Bind flags to it, then call Load.
func New(file string) (*viper.Viper, error) {
	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(defaults)); err != nil {
		return nil, fmt.Errorf("built-in defaults: %w", err)
	}
	if file == "" {
		for _, name := range FileNames {
			if _, err := os.Stat(name); err == nil {
				file = name
				break
			}
		}
	}
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("config file: %w", err)
		}
		if err := checkKeys(data); err != nil {
			return nil, fmt.Errorf("config file %s: %w", file, err)
		}
		if err := v.MergeConfig(bytes.NewReader(data)); err != nil {
			return nil, fmt.Errorf("config file %s: %w", file, err)
		}
		v.Set("config_file", file)
	}
	v.SetEnvPrefix("SANCTIONS")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	return v, nil
}

// Load decodes the settings.
func Load(v *viper.Viper) (*Config, error) {
	var c Config
	if err := v.Unmarshal(&c); err != nil {
		return nil, fmt.Errorf("settings: %w", err)
	}
	c.File = v.GetString("config_file")
	// Names of formats and severities are case-insensitive: --fail-on HIGH, --format JSON.
	for _, s := range []*string{&c.Check.Format, &c.Check.FailOn, &c.Check.InputFormat} {
		*s = strings.ToLower(*s)
	}
	// A list from the environment comes as one string: split it on the path list separator.
	var paths []string
	for _, p := range c.Rules.Paths {
		for _, part := range filepath.SplitList(p) {
			if part != "" {
				paths = append(paths, part)
			}
		}
	}
	c.Rules.Paths = paths
	return &c, nil
}

// checkKeys refuses settings the tool does not know: a misspelled key must not be ignored.
func checkKeys(data []byte) error {
	known := viper.New()
	known.SetConfigType("yaml")
	if err := known.ReadConfig(bytes.NewReader(defaults)); err != nil {
		return err
	}
	given := viper.New()
	given.SetConfigType("yaml")
	if err := given.ReadConfig(bytes.NewReader(data)); err != nil {
		return err
	}
	var errs []error
	keys := given.AllKeys()
	sort.Strings(keys)
	for _, k := range keys {
		if !known.IsSet(k) {
			errs = append(errs, fmt.Errorf("unknown setting %q", k))
		}
	}
	return errors.Join(errs...)
}
