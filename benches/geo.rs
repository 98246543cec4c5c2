//! Geography benchmark (issue 3): shipped sizes, decode time, locate() per point with the
//! bounding-box prefilter against a naive scan of every polygon (same points, same run).
//! Prints figures only; nothing is asserted. Run: `cargo bench --bench geo`
//! (`-- --svg FILE` also writes a rendering of the Noord-Brabant gemeenten).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use geo::BoundingRect;
use routewijzer::geo::{bundled_files, wgs84_to_rd, Geography, Layer, LonLat};
use std::hint::black_box;
use std::time::Instant;

/// Deterministic points over the Netherlands' bounding box (about half fall in a gemeente).
fn points(n: usize) -> Vec<LonLat> {
    let mut s: u64 = 0x0002_8992_4326;
    let mut next = || {
        s = s
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|_| LonLat {
            lon: 3.3 + next() * (7.25 - 3.3),
            lat: 50.74 + next() * (53.56 - 50.74),
        })
        .collect()
}

fn time_per_point<T>(label: &str, pts: &[LonLat], mut f: impl FnMut(LonLat) -> Option<T>) -> f64 {
    let mut found = 0usize;
    let start = Instant::now();
    for p in pts {
        if black_box(f(*p)).is_some() {
            found += 1;
        }
    }
    let ns = start.elapsed().as_secs_f64() * 1e9 / pts.len() as f64;
    println!(
        "{label:<52} {ns:>9.0} ns/point  ({found} of {} inside)",
        pts.len()
    );
    ns
}

fn main() {
    let svg_out = std::env::args().skip_while(|a| a != "--svg").nth(1);

    println!("shipped geography (raw bytes, compiled in with include_bytes!):");
    let mut total = 0;
    for (name, bytes) in bundled_files() {
        println!("  {name:<20} {:>8} B", bytes.len());
        total += bytes.len();
    }
    println!("  {:<20} {total:>8} B", "total");
    // gzip figures come from python's gzip module (no compression crate in the build)
    match std::process::Command::new("python3")
        .arg("scripts/geo/sizes.py")
        .output()
    {
        Ok(out) if out.status.success() => {
            println!("gzip -9 (scripts/geo/sizes.py):");
            for line in String::from_utf8_lossy(&out.stdout).lines() {
                println!("  {line}");
            }
        }
        _ => println!("(python3 not available: run scripts/geo/sizes.py for the gzip sizes)"),
    }

    // decode
    let files = bundled_files();
    let (gm, ws, meta, aliases) = (
        files[0].1,
        files[1].1,
        std::str::from_utf8(files[2].1).unwrap(),
        std::str::from_utf8(files[3].1).unwrap(),
    );
    let mut times = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        black_box(Geography::decode(gm, ws, meta, aliases).unwrap());
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "decode (all files, 30 runs): min {:.2} ms, median {:.2} ms",
        times[0],
        times[times.len() / 2]
    );
    // the water areas: not decoded at start-up, but on the first point outside every gemeente
    // polygon (and in the start build only after they were fetched)
    if let Some(water) = routewijzer::geo::bundled_water() {
        let mut times = Vec::new();
        for _ in 0..30 {
            let fresh = Geography::decode(gm, ws, meta, aliases).unwrap();
            let t = Instant::now();
            fresh.supply_water(water).unwrap();
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "water areas ({} B), decoded on the first miss (30 runs): median {:.2} ms",
            water.len(),
            times[times.len() / 2]
        );
    }
    let t = Instant::now();
    let g = Geography::bundled();
    println!(
        "Geography::bundled() first call: {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    println!("{:?}", g.stats());
    let colours = Instant::now();
    let od = g.omgevingsdienst_colours();
    println!(
        "omgevingsdienst colours: {} omgevingsdiensten in {} colours, {:.2} ms",
        od.colours.len(),
        od.count,
        colours.elapsed().as_secs_f64() * 1e3
    );

    // locate
    let pts = points(200_000);
    let naive_pts = &pts[..20_000];
    println!(
        "locate, {} random points over the NL bounding box:",
        pts.len()
    );
    let fast = time_per_point(
        "gemeente_at (grid index + bbox, gemeente only)",
        naive_pts,
        |p| g.gemeente_at(p),
    );
    let scan = time_per_point(
        "locate_bbox_scan (bbox of all 342, no grid)",
        naive_pts,
        |p| g.locate_bbox_scan(p),
    );
    let naive = time_per_point(
        "locate_naive (every polygon, no prefilter)",
        naive_pts,
        |p| g.locate_naive(p),
    );
    println!(
        "  → on the same {} points: grid {:.1}× faster than the naive scan, {:.1}× faster than the bbox scan",
        naive_pts.len(),
        naive / fast,
        scan / fast
    );
    time_per_point("gemeente_at, all points", &pts, |p| g.gemeente_at(p));
    time_per_point(
        "locate (full: + boundary distance, waterschap)",
        &pts,
        |p| g.locate(p),
    );
    // where the time goes: the bbox scan alone, and how many candidates it leaves
    let bboxes: Vec<[f64; 4]> = g
        .gemeenten()
        .iter()
        .map(|i| {
            let r = g.gemeente_shape(&i.id).unwrap().bounding_rect().unwrap();
            [r.min().x, r.min().y, r.max().x, r.max().y]
        })
        .collect();
    let rd: Vec<(f64, f64)> = pts.iter().map(|p| wgs84_to_rd(*p)).collect();
    let start = Instant::now();
    let mut candidates = 0usize;
    for &(x, y) in &rd {
        candidates += black_box(&bboxes)
            .iter()
            .filter(|b| x >= b[0] && y >= b[1] && x <= b[2] && y <= b[3])
            .count();
    }
    println!(
        "bbox test of all 342 boxes alone: {:.0} ns/point, leaving {:.2} candidates/point on average",
        start.elapsed().as_secs_f64() * 1e9 / rd.len() as f64,
        candidates as f64 / rd.len() as f64
    );
    // agreement check (a figure, not an assertion)
    let disagree = naive_pts
        .iter()
        .filter(|p| {
            let a = g.gemeente_at(**p).map(|i| i.id.as_str());
            a != g.locate_naive(**p) || a != g.locate_bbox_scan(**p)
        })
        .count();
    println!("  grid vs bbox scan vs naive disagreements: {disagree}");

    // search and SVG
    let t = Instant::now();
    for q in ["den bosch", "cuijk", "uden", "berg", "a", "haaren"] {
        black_box(g.search(q, 10));
    }
    println!(
        "search: {:.1} µs per query",
        t.elapsed().as_secs_f64() * 1e6 / 6.0
    );
    for tol in [0.0, 50.0, 200.0] {
        let t = Instant::now();
        let m = g.svg_paths(Layer::Gemeenten, None, tol);
        let bytes: usize = m.paths.iter().map(|p| p.d.len()).sum();
        println!(
            "svg_paths(gemeenten, all, {tol} m): {:.2} ms, {bytes} B of path data",
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    let t = Instant::now();
    let m = g.svg_paths(Layer::Provincies, None, 100.0);
    println!(
        "svg_paths(provincies, all, 100 m): {:.2} ms, {} B of path data",
        t.elapsed().as_secs_f64() * 1e3,
        m.paths.iter().map(|p| p.d.len()).sum::<usize>()
    );

    if let Some(path) = svg_out {
        let ids: Vec<&str> = g
            .gemeenten()
            .iter()
            .filter(|i| i.provincie.id == "PV30")
            .map(|i| i.id.as_str())
            .collect();
        let m = g.svg_paths(Layer::Gemeenten, Some(&ids), 20.0);
        std::fs::write(&path, m.to_svg_document(1200)).unwrap();
        println!("wrote {path} ({} gemeenten)", m.paths.len());
    }
}
