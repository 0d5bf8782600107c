package importer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/waymark-cx/waymark"
	"github.com/waymark-cx/waymark/generator"
	"github.com/waymark-cx/waymark/generator/export"
	"github.com/waymark-cx/waymark/generator/importer"
	"github.com/waymark-cx/waymark/generator/model"
	"github.com/waymark-cx/waymark/themes"
)

// TestCSVFromVietnameseExcel reads a file as Vietnamese Excel saves it
// (testdata/csv/vi-excel.csv): a BOM, semicolons, CRLF, line breaks
// inside cells, decimal commas, percentages, Vietnamese labels in any
// case, a label typed without diacritics and a lane's key.
func TestCSVFromVietnameseExcel(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "csv", "vi-excel.csv"))
	if err != nil {
		t.Fatal(err)
	}
	j, err := importer.CSV("vi-excel.csv", b)
	if err != nil {
		t.Fatal(err)
	}
	if j.Title != "Mua bàn phím; đổi trả" || j.Goal != "Nhận đúng hàng" || !reflect.DeepEqual(j.PersonaSlugs, []string{"minh", "lan"}) || len(j.Stages) != 3 {
		t.Fatalf("journey: %+v", j)
	}
	s := j.Stages
	if !reflect.DeepEqual(s[0].Actions, []string{"Xem video đánh giá", "So sánh giá"}) {
		t.Errorf("actions: %q", s[0].Actions)
	}
	if s[1].Emotion["minh"] != 3.5 || s[2].Emotion["lan"] != 2.5 || s[0].Emotion["lan"] != 4 {
		t.Errorf("emotions: %v %v %v", s[0].Emotion, s[1].Emotion, s[2].Emotion)
	}
	if len(s[1].PainPoints) != 1 || s[1].PainPoints[0].Owner != "Định giá" || s[1].PainPoints[0].Severity != 2 {
		t.Errorf("pain points: %+v", s[1].PainPoints)
	}
	want := []model.Metric{
		{Name: "CSAT", Value: 64, HasValue: true, Target: 80, HasTarget: true, Unit: "%", HigherIsBetter: true},
		{Name: "Tỷ lệ lỗi", Value: 1.8, HasValue: true, Target: 0.5, HasTarget: true, Unit: "%", HigherIsBetter: true},
		{Name: "Đơn", Value: 1250.5, HasValue: true, HigherIsBetter: true},
	}
	var got []model.Metric
	for _, st := range s {
		for _, m := range st.Metrics {
			got = append(got, *m)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("metrics:\n got %+v\nwant %+v", got, want)
	}
	if s[0].DropOff != 0.25 || s[1].DropOff != 0.125 || !s[1].HasDropOff || s[2].HasDropOff {
		t.Errorf("drop-off: %v %v %v", s[0].DropOff, s[1].DropOff, s[2].HasDropOff)
	}
}

// TestCSVVietnameseRoundTrip: every journey and template of the example,
// exported with Vietnamese labels (and with English ones), imported and
// built again, is the same journey; the Vietnamese download's first
// cell is Vietnamese.
func TestCSVVietnameseRoundTrip(t *testing.T) {
	rep, err := generator.Build(context.Background(), generator.Options{Source: waymark.Example(), Themes: themes.Get})
	if err != nil {
		t.Fatal(err)
	}
	site := rep.Site
	// A site of the example's personas (names only: their pages link to
	// every journey), to build each journey again in.
	// Its settings are the example's, custom lanes included, in Vietnamese.
	cfg, err := fs.ReadFile(waymark.Example(), "waymark.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfg = bytes.Replace(cfg, []byte(`language = "en"`), []byte(`language = "vi"`), 1)
	files := fstest.MapFS{"waymark.toml": &fstest.MapFile{Data: cfg}}
	for _, p := range site.Personas {
		files["content/personas/"+p.Slug+".md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\nname = %q\n+++\n", p.Name))}
	}
	// And its research notes, which the items' evidence names: scores
	// and evidence go through the CSV and back too.
	for _, p := range site.Research {
		files["content/research/"+p.Slug+".md"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = %q\n+++\n", p.Title))}
	}
	for _, lang := range []string{"vi", "en"} {
		w := export.WordsFor(lang, nil)
		for _, j := range site.Journeys {
			b := export.CSV(j, w)
			if first := strings.SplitN(string(bytes.TrimPrefix(b, []byte(export.BOM))), ",", 2)[0]; first != w.Of(export.KeyTitle) {
				t.Fatalf("%s (%s): the first label is %q", j.Slug, lang, first)
			}
			back, err := importer.CSVFor(j.Slug+".csv", b, importer.Site{Lanes: j.Lanes})
			if err != nil {
				t.Fatalf("%s (%s): %v", j.Slug, lang, err)
			}
			own := maps.Clone(files)
			own["content/journeys/"+j.Slug+".md"] = &fstest.MapFile{Data: export.Markdown(back)}
			got := build(t, own).Journeys[0]
			want, have := export.NewDoc(j, ""), export.NewDoc(got, "")
			want.Compare, want.LastReviewed, want.ReviewEvery, have.ReviewEvery = "", "", "", ""
			dropImages(want) // the CSV has no images
			if !reflect.DeepEqual(want, have) {
				a, _ := json.Marshal(want)
				b, _ := json.Marshal(have)
				t.Errorf("%s (%s): the round trip changes the journey\nwant %s\ngot  %s", j.Slug, lang, a, b)
			}
		}
	}
}

// TestCSVSiteLabels: a site's own labels (its csv.* strings) are read,
// besides those of both built-in languages and the keys; where a site's
// label is a built-in label of another row, the site's meaning wins.
func TestCSVSiteLabels(t *testing.T) {
	own := export.Renamed(map[string]string{"csv.actions": "Việc khách làm", "csv.thoughts": "Câu hỏi", "nav.home": "Nhà"})
	src := "Hành trình,T\nGiai đoạn,A\nViệc khách làm,Gọi điện\nCâu hỏi,Có mở cửa không?\nActions,x\n"
	_, err := importer.CSV("a.csv", []byte(src), own)
	if err == nil || !strings.Contains(err.Error(), `a.csv:5:1: row "Actions" again (first on line 3)`) {
		t.Fatalf("want the Actions row reported as given twice, got %v", err)
	}
	j, err := importer.CSV("a.csv", []byte(strings.TrimSuffix(src, "Actions,x\n")), own)
	if err != nil {
		t.Fatal(err)
	}
	if s := j.Stages[0]; !reflect.DeepEqual(s.Actions, []string{"Gọi điện"}) || !reflect.DeepEqual(s.Thoughts, []string{"Có mở cửa không?"}) {
		t.Errorf("stage: %+v", s)
	}
	if len(own) != 2 {
		t.Errorf("Renamed: %v, want the two csv.* strings", own)
	}
	if _, err := importer.CSV("a.csv", []byte("Hành trình,T\nGiai đoạn,A\nViệc khách làm,x\n")); err == nil ||
		!strings.Contains(err.Error(), `unknown row "Việc khách làm"`) {
		t.Errorf("without the site's labels: %v", err)
	}
}

// TestCSVLabelsDistinct: no two rows share a label once folded, in any
// language, so that a label always names one row.
func TestCSVLabelsDistinct(t *testing.T) {
	for _, lang := range export.Languages() {
		w := export.WordsFor(lang, nil)
		seen := map[string]string{}
		var keys []string
		keys = append(keys, export.Facts()...)
		keys = append(keys, export.KeyStage, export.KeyEmotion)
		for _, l := range export.Lanes() {
			keys = append(keys, l.Key)
		}
		for _, k := range keys {
			for _, label := range []string{k, w.Of(k), export.WordsFor("en", nil).Of(k)} {
				f := importer.FoldLabel(label)
				if prev, ok := seen[f]; ok && prev != k {
					t.Errorf("%s: %q names both %s and %s", lang, label, prev, k)
				}
				seen[f] = k
			}
		}
	}
}

// TestCSVNumberErrors: a value that is not a number is refused at its
// line and column (in characters), all of them at once, with a hint.
func TestCSVNumberErrors(t *testing.T) {
	src := "\ufeffHành trình;Đổi trả\r\nGiai đoạn;Tìm sản phẩm;Đặt hàng\r\n" +
		"Chỉ số;CSAT 64% (mục tiêu 80%);Đơn | value: nhiều\r\n" +
		"Cảm xúc;cao;\"4\n3,5x\"\r\n" +
		"Tỷ lệ rời bỏ;1,250;0,2\r\n"
	_, err := importer.CSV("d.csv", []byte(src))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"d.csv:3:8: Chỉ số of stage \"Tìm sản phẩm\": metric \"CSAT 64% (mục tiêu 80%)\" has its numbers in its name, and no value\n" +
			"\thint: write the numbers as details, so that they count: CSAT | value: 64 | target: 80 | unit: %",
		`d.csv:3:32: Chỉ số of stage "Đặt hàng": value must be a number, not "nhiều"`,
		`d.csv:4:9: Cảm xúc of stage "Tìm sản phẩm": emotion must be a number from 1 to 5, not "cao"`,
		`d.csv:4:13: Cảm xúc of stage "Đặt hàng": emotion must be a number from 1 to 5, not "43,5x"`,
		`d.csv:6:14: Tỷ lệ rời bỏ of stage "Tìm sản phẩm": drop-off must be a share`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error\n%v\ndoes not contain\n%s", err, want)
		}
	}
	if n := strings.Count(err.Error(), "\td.csv:") + strings.Count(err.Error(), "d.csv:"); n < 5 {
		t.Errorf("%d mistakes reported, want 5:\n%v", n, err)
	}
}
