//! Which gemeenten border each other, and a colouring of regions made of gemeenten (the
//! omgevingsdiensten, the veiligheidsregio's) in which bordering regions never share a colour:
//! the map legend and the Speelveld show 26 omgevingsdiensten with a handful of colours.

use std::collections::{BTreeMap, BTreeSet};

use super::{codec::Topology, GemeenteInfo, Geography};

/// A colour per region: palette indices `0..count`; regions that share a border differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionColours {
    /// Region id → palette index.
    pub colours: BTreeMap<String, u8>,
    /// How many palette entries are used.
    pub count: u8,
}

/// Pairs `(i, j)`, `i < j`, of feature indices whose rings share an arc: a border of positive
/// length (features that touch in a single point share no arc).
fn neighbours(topo: &Topology) -> BTreeSet<(usize, usize)> {
    let mut users: Vec<Vec<usize>> = vec![Vec::new(); topo.arcs.len()];
    for (f, polys) in topo.features.iter().enumerate() {
        for &r in polys.iter().flatten().flatten() {
            if let Some(u) = users.get_mut(Topology::arc_index(r)) {
                if !u.contains(&f) {
                    u.push(f);
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    for u in users {
        for (k, &a) in u.iter().enumerate() {
            for &b in u.iter().skip(k + 1) {
                out.insert((a.min(b), a.max(b)));
            }
        }
    }
    out
}

/// DSatur (Brélaz 1979): colour next the region whose neighbours already use the most
/// different colours; ties go to the region with the most neighbours, then the smallest id,
/// so the result depends on the data only. Each region gets the smallest colour its
/// neighbours do not use.
fn dsatur(graph: &BTreeMap<&str, BTreeSet<&str>>) -> RegionColours {
    let mut colours: BTreeMap<String, u8> = BTreeMap::new();
    while colours.len() < graph.len() {
        let saturation = |id: &str| -> usize {
            graph.get(id).map_or(0, |n| {
                n.iter()
                    .filter_map(|m| colours.get(*m))
                    .collect::<BTreeSet<_>>()
                    .len()
            })
        };
        let next = graph
            .iter()
            .filter(|(id, _)| !colours.contains_key(**id))
            // max_by_key keeps the last maximum: iterate ids in reverse so ties go to the smallest
            .rev()
            .max_by_key(|(id, n)| (saturation(id), n.len()));
        let Some((id, around)) = next else { break };
        let used: BTreeSet<u8> = around
            .iter()
            .filter_map(|m| colours.get(*m))
            .copied()
            .collect();
        let colour = (0..=u8::MAX).find(|c| !used.contains(c)).unwrap_or(u8::MAX);
        colours.insert((*id).to_string(), colour);
    }
    let count = colours.values().max().map_or(0, |m| m.saturating_add(1));
    RegionColours { colours, count }
}

impl Geography {
    /// Pairs of gemeente ids (the smaller first, sorted) that share a border.
    pub fn gemeente_neighbours(&self) -> Vec<(&str, &str)> {
        neighbours(&self.gm_topo)
            .into_iter()
            .filter_map(|(a, b)| {
                Some((
                    self.gemeenten.get(a)?.id.as_str(),
                    self.gemeenten.get(b)?.id.as_str(),
                ))
            })
            .collect()
    }

    /// A colour per region, where `region` says which region a gemeente belongs to (gemeenten
    /// without one are left out); regions border when two of their gemeenten do.
    pub fn region_colours<'a>(
        &'a self,
        region: impl Fn(&'a GemeenteInfo) -> Option<&'a str>,
    ) -> RegionColours {
        let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for g in &self.gemeenten {
            if let Some(r) = region(g) {
                graph.entry(r).or_default();
            }
        }
        for (a, b) in neighbours(&self.gm_topo) {
            let (Some(ra), Some(rb)) = (
                self.gemeenten.get(a).and_then(&region),
                self.gemeenten.get(b).and_then(&region),
            ) else {
                continue;
            };
            if ra != rb {
                graph.entry(ra).or_default().insert(rb);
                graph.entry(rb).or_default().insert(ra);
            }
        }
        dsatur(&graph)
    }

    /// A colour per omgevingsdienst: neighbouring omgevingsdienst regions never share one.
    pub fn omgevingsdienst_colours(&self) -> RegionColours {
        self.region_colours(|g| g.omgevingsdienst.as_ref().map(|o| o.id.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dsatur_colours_a_wheel_with_four() {
        // an odd cycle around a hub needs 4 colours; a triangle 3; isolated nodes 1
        let mut g: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        let rim = ["a", "b", "c", "d", "e"];
        for (i, r) in rim.iter().enumerate() {
            let next = rim[(i + 1) % rim.len()];
            for (x, y) in [(*r, next), (*r, "hub")] {
                g.entry(x).or_default().insert(y);
                g.entry(y).or_default().insert(x);
            }
        }
        g.entry("alone").or_default();
        let c = dsatur(&g);
        assert_eq!(c.count, 4);
        for (x, around) in &g {
            for y in around {
                assert_ne!(c.colours[*x], c.colours[*y], "{x} {y}");
            }
        }
        assert_eq!(c.colours["alone"], 0);
        assert_eq!(c, dsatur(&g));
    }
}
