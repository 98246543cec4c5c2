//! The SVG map: gemeenten coloured by omgevingsdienst (neighbouring services differ, each
//! labelled with its code), zoomed to Noord-Brabant at first.
//! Click (or Enter on the focused map, which uses the crosshair in its centre) places the
//! location. Pan and zoom by buttons, arrow keys, the wheel and dragging.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::domain::json::whole;
use crate::geo::{
    escape_markup, lonlat_to_svg, omgevingsdiensten_on_map, svg_to_lonlat, Geography, LonLat,
    SvgMap, NO_REGION_FILL, OTHER_REGION_FILL,
};
use crate::ui::i18n::Lang;

type ViewBox = [f64; 4];

struct MapData {
    gemeenten: SvgMap,
    /// Per omgevingsdienst (by id): its colour index, fill and where its code goes (SVG).
    services: Vec<Service>,
    /// The gemeenten and provincie outlines as SVG markup, see [`areas_markup`].
    areas: String,
    home: ViewBox,
}

/// Drawn once per page: the paths never change, only the view box does.
fn map_data() -> &'static MapData {
    static DATA: std::sync::OnceLock<MapData> = std::sync::OnceLock::new();
    DATA.get_or_init(build_map_data)
}

/// The view box around a provincie, omgevingsdienst or veiligheidsregio (by id).
fn region_view(region: &str) -> Option<ViewBox> {
    let geo = Geography::bundled();
    let ids: Vec<&str> = geo
        .gemeenten()
        .iter()
        .filter(|g| {
            g.provincie.id == region
                || g.omgevingsdienst.as_ref().is_some_and(|o| o.id == region)
                || g.veiligheidsregio.as_ref().is_some_and(|v| v.id == region)
        })
        .map(|g| g.id.as_str())
        .collect();
    (!ids.is_empty()).then(|| geo.svg_view_box(&ids))
}

/// One omgevingsdienst on the map and in the legend.
struct Service {
    id: String,
    name: String,
    fill: &'static str,
    /// Where its code is written, in SVG coordinates.
    label: (f64, f64),
}

fn build_map_data() -> MapData {
    let geo = Geography::bundled();
    let home = region_view("PV30").unwrap_or([0.0, 0.0, 1.0, 1.0]);
    let (gemeenten, provincies) = geo.svg_gemeenten_and_provincies(60.0);
    // Neighbouring omgevingsdiensten never share a colour (4 for all 26): the generated
    // table of `Geography::omgevingsdienst_colours` (data/geo/omgevingsdienst_kaart.tsv).
    let services: Vec<Service> = omgevingsdiensten_on_map()
        .into_iter()
        .map(|od| {
            let name = geo
                .gemeenten()
                .iter()
                .find_map(|g| g.omgevingsdienst.as_ref().filter(|o| o.id == od.id))
                .map_or_else(|| od.id.clone(), |o| o.name.clone());
            let (x, y) = od.label_rd;
            Service {
                fill: od.fill(),
                id: od.id,
                name,
                label: (x as f64, -y as f64),
            }
        })
        .collect();
    let areas = areas_markup(geo, &services, &gemeenten, &provincies);
    MapData {
        gemeenten,
        services,
        areas,
        home,
    }
}

/// The static part of the map as markup, built once from the bundled geography (never from
/// user input; names are escaped all the same). The browser parses it in one `innerHTML`
/// instead of Yew creating some 1 400 nodes one call at a time: that was a third of the
/// start-up (docs/performance.md).
fn areas_markup(
    geo: &Geography,
    services: &[Service],
    gemeenten: &SvgMap,
    provincies: &SvgMap,
) -> String {
    let mut out = String::with_capacity(
        gemeenten
            .paths
            .iter()
            .chain(&provincies.paths)
            .map(|p| p.d.len() + 120)
            .sum(),
    );
    let mut num = itoa::Buffer::new();
    out.push_str("<g class=\"rw-gemeenten\">");
    for (path, info) in gemeenten.paths.iter().zip(geo.gemeenten()) {
        let od = info.omgevingsdienst.as_ref().map(|o| o.id.as_str());
        let (x, y) = info.representative_rd;
        for part in [
            "<path class=\"rw-gemeente\" fill=\"",
            od.map_or(NO_REGION_FILL, |id| {
                services
                    .iter()
                    .find(|s| s.id == id)
                    .map_or(OTHER_REGION_FILL, |s| s.fill)
            }),
            "\" data-id=\"",
            &escape_markup(&path.id),
            "\" data-x=\"",
            num.format(x.round_ties_even() as i64),
        ] {
            out.push_str(part);
        }
        out.push_str("\" data-y=\"");
        out.push_str(num.format((-y).round_ties_even() as i64));
        for part in [
            "\" d=\"",
            &path.d,
            "\"><title>",
            &escape_markup(&path.name),
            "</title></path>",
        ] {
            out.push_str(part);
        }
    }
    out.push_str("</g><g class=\"rw-provincies\" aria-hidden=\"true\">");
    for path in &provincies.paths {
        for part in ["<path class=\"rw-provincie\" d=\"", &path.d, "\"></path>"] {
            out.push_str(part);
        }
    }
    out.push_str("</g>");
    out
}

#[derive(Properties, PartialEq)]
pub struct MapProps {
    pub marker: Option<LonLat>,
    pub selected: Option<String>,
    pub onpick: Callback<LonLat>,
    pub lang: Lang,
    /// Start (and reset) view: a provincie, omgevingsdienst or veiligheidsregio id.
    #[prop_or_default]
    pub region: Option<String>,
}

struct Drag {
    start: (f64, f64),
    view: ViewBox,
    moved: bool,
}

/// The map's view box and what moves it. Cloned into each handler; they share the box.
#[derive(Clone)]
struct Camera {
    view: Rc<RefCell<ViewBox>>,
    svg: NodeRef,
    redraw: UseForceUpdateHandle,
}

impl Camera {
    fn get(&self) -> ViewBox {
        *self.view.borrow()
    }

    fn set(&self, view: ViewBox) {
        *self.view.borrow_mut() = view;
        self.redraw.force_update();
    }

    /// Screen pixels per map unit, for the default preserveAspectRatio (xMidYMid meet),
    /// with the SVG's box on screen.
    fn scale(&self, [_, _, w, h]: ViewBox) -> Option<(f64, web_sys::DomRect)> {
        let rect = self
            .svg
            .cast::<web_sys::Element>()?
            .get_bounding_client_rect();
        let scale = (rect.width() / w).min(rect.height() / h);
        (scale.is_finite() && scale > 0.0).then_some((scale, rect))
    }

    /// Screen point → map coordinates.
    fn to_map(&self, client_x: f64, client_y: f64) -> Option<(f64, f64)> {
        let [x, y, w, h] = self.get();
        let (scale, rect) = self.scale([x, y, w, h])?;
        let left = rect.left() + (rect.width() - w * scale) / 2.0;
        let top = rect.top() + (rect.height() - h * scale) / 2.0;
        Some((x + (client_x - left) / scale, y + (client_y - top) / scale))
    }

    fn zoom(&self, factor: f64, centre: Option<(f64, f64)>) {
        let [x, y, w, h] = self.get();
        let (cx, cy) = centre.unwrap_or((x + w / 2.0, y + h / 2.0));
        let nw = (w * factor).clamp(2_000.0, 400_000.0);
        let nh = h * nw / w;
        self.set([cx - (cx - x) * nw / w, cy - (cy - y) * nh / h, nw, nh]);
    }

    fn pan(&self, dx: f64, dy: f64) {
        let [x, y, w, h] = self.get();
        self.set([x + dx * w, y + dy * h, w, h]);
    }

    /// The point under the crosshair in the centre.
    fn centre(&self) -> LonLat {
        let [x, y, w, h] = self.get();
        svg_to_lonlat(x + w / 2.0, y + h / 2.0)
    }

    fn button(&self, act: fn(&Camera)) -> Callback<MouseEvent> {
        let camera = self.clone();
        Callback::from(move |_| act(&camera))
    }
}

/// The wheel zooms around the pointer. It needs a non-passive listener, or the page scrolls
/// along with the zoom.
#[hook]
fn use_wheel_zoom(camera: &Camera) {
    let camera = camera.clone();
    use_effect_with((), move |_| {
        let listener = camera.svg.cast::<web_sys::Element>().map(|svg| {
            EventListener::new_with_options(
                &svg,
                "wheel",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    if let Some(wheel) = event.dyn_ref::<web_sys::WheelEvent>() {
                        wheel.prevent_default();
                        let factor = if wheel.delta_y() > 0.0 { 1.25 } else { 0.8 };
                        let at = (f64::from(wheel.client_x()), f64::from(wheel.client_y()));
                        camera.zoom(factor, camera.to_map(at.0, at.1));
                    }
                },
            )
        });
        move || drop(listener)
    });
}

/// Pointer handlers: a drag pans, a click (no drag) picks the point.
struct Pointer {
    down: Callback<PointerEvent>,
    moved: Callback<PointerEvent>,
    up: Callback<PointerEvent>,
    leave: Callback<PointerEvent>,
}

fn pointer(
    camera: &Camera,
    drag: &Rc<RefCell<Option<Drag>>>,
    onpick: &Callback<LonLat>,
) -> Pointer {
    let at = |e: &PointerEvent| (f64::from(e.client_x()), f64::from(e.client_y()));
    let down = {
        let (camera, drag) = (camera.clone(), drag.clone());
        Callback::from(move |e: PointerEvent| {
            if e.button() == 0 {
                *drag.borrow_mut() = Some(Drag {
                    start: at(&e),
                    view: camera.get(),
                    moved: false,
                });
            }
        })
    };
    let moved = {
        let (camera, drag) = (camera.clone(), drag.clone());
        Callback::from(move |e: PointerEvent| {
            let mut drag = drag.borrow_mut();
            let Some(d) = drag.as_mut() else { return };
            let (dx, dy) = (at(&e).0 - d.start.0, at(&e).1 - d.start.1);
            if !d.moved && dx.hypot(dy) < 5.0 {
                return;
            }
            d.moved = true;
            let [x, y, w, h] = d.view;
            if let Some((scale, _)) = camera.scale(d.view) {
                camera.set([x - dx / scale, y - dy / scale, w, h]);
            }
        })
    };
    let up = {
        let (camera, drag, onpick) = (camera.clone(), drag.clone(), onpick.clone());
        Callback::from(move |e: PointerEvent| {
            let finished = drag.borrow_mut().take();
            if finished.is_some_and(|d| !d.moved) {
                if let Some((x, y)) = camera.to_map(at(&e).0, at(&e).1) {
                    onpick.emit(svg_to_lonlat(x, y));
                }
            }
        })
    };
    let leave = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    Pointer {
        down,
        moved,
        up,
        leave,
    }
}

/// Keys on the focused map: arrows pan, plus and minus zoom, Enter picks the centre.
fn on_key(camera: &Camera, onpick: &Callback<LonLat>) -> Callback<KeyboardEvent> {
    let (camera, onpick) = (camera.clone(), onpick.clone());
    Callback::from(move |e: KeyboardEvent| {
        match e.key().as_str() {
            "ArrowLeft" => camera.pan(-0.1, 0.0),
            "ArrowRight" => camera.pan(0.1, 0.0),
            "ArrowUp" => camera.pan(0.0, -0.1),
            "ArrowDown" => camera.pan(0.0, 0.1),
            "+" | "=" => camera.zoom(0.8, None),
            "-" | "_" => camera.zoom(1.25, None),
            "Enter" | " " => onpick.emit(camera.centre()),
            _ => return,
        }
        e.prevent_default();
    })
}

/// The buttons that move the map.
fn controls(camera: &Camera, home: ViewBox, lang: Lang) -> Html {
    let button = |label: &'static str, title: &'static str, act: fn(&Camera)| {
        html! { <button type="button" class="rw-map-button" title={title} aria-label={title} onclick={camera.button(act)}>{ label }</button> }
    };
    let reset = {
        let camera = camera.clone();
        Callback::from(move |_| camera.set(home))
    };
    html! {
        <div class="rw-map-controls" role="group" aria-label={lang.t("Kaart bedienen", "Map controls")}>
            { button("+", lang.t("Inzoomen", "Zoom in"), |c| c.zoom(0.8, None)) }
            { button("−", lang.t("Uitzoomen", "Zoom out"), |c| c.zoom(1.25, None)) }
            { button("←", lang.t("Naar links", "Pan left"), |c| c.pan(-0.2, 0.0)) }
            { button("→", lang.t("Naar rechts", "Pan right"), |c| c.pan(0.2, 0.0)) }
            { button("↑", lang.t("Omhoog", "Pan up"), |c| c.pan(0.0, -0.2)) }
            { button("↓", lang.t("Omlaag", "Pan down"), |c| c.pan(0.0, 0.2)) }
            <button type="button" class="rw-map-button" title={lang.t("Terug naar Noord-Brabant", "Back to Noord-Brabant")}
                aria-label={lang.t("Terug naar Noord-Brabant", "Back to Noord-Brabant")} onclick={reset}>{ "⌂" }</button>
        </div>
    }
}

/// The legend: every omgevingsdienst with its colour and code (the code is also written on
/// the map, so the legend works without colour and on paper), and the data's sources.
fn legend(lang: Lang) -> Html {
    let swatch = |fill: &'static str| {
        html! { <svg class="rw-swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill={fill} /></svg> }
    };
    html! {
        <figcaption id="rw-map-legend" class="rw-legend rw-map-legend">
            <span class="rw-legend-title">{ lang.t(
                "Omgevingsdienst van de gemeente (code op de kaart; buren hebben een andere kleur):",
                "Omgevingsdienst of the gemeente (code on the map; neighbours differ in colour):") }</span>
            <ul>
                { for map_data().services.iter().map(|s| html! {
                    <li data-id={s.id.clone()}>{ swatch(s.fill) }<strong>{ &s.id }</strong>{ format!(" – {}", s.name) }</li>
                }) }
                <li>{ swatch(NO_REGION_FILL) }{ lang.t("niet bekend", "not known") }</li>
            </ul>
            <span class="rw-attribution">{ "Kaart: CBS / Kadaster (CC BY 4.0), Het Waterschapshuis" }</span>
        </figcaption>
    }
}

/// Each omgevingsdienst's code in its area, sized to the view so it reads at any zoom.
fn labels(unit: f64) -> Html {
    let size = whole(unit * 13.0);
    html! {
        <g class="rw-od-labels" aria-hidden="true" font-size={size}>
            { for map_data().services.iter().map(|s| html! {
                <text x={whole(s.label.0)} y={whole(s.label.1)} stroke-width={whole(unit * 3.0)}>{ &s.id }</text>
            }) }
        </g>
    }
}

#[function_component(Map)]
pub fn map(props: &MapProps) -> Html {
    let data = map_data();
    let home = *use_memo(props.region.clone(), |region| {
        region.as_deref().and_then(region_view).unwrap_or(data.home)
    });
    let camera = Camera {
        view: use_mut_ref(|| home),
        svg: use_node_ref(),
        redraw: use_force_update(),
    };
    let drag: Rc<RefCell<Option<Drag>>> = use_mut_ref(|| None);
    use_wheel_zoom(&camera);
    let lang = props.lang;
    let Pointer {
        down,
        moved,
        up,
        leave,
    } = pointer(&camera, &drag, &props.onpick);
    let onkeydown = on_key(&camera, &props.onpick);
    let [vx, vy, vw, vh] = camera.get();
    let view_box = [vx, vy, vw, vh].map(whole).join(" ");
    let stroke_unit = vw / 800.0;
    let marker = props.marker.map(lonlat_to_svg);
    let selected = props
        .selected
        .as_ref()
        .and_then(|id| data.gemeenten.paths.iter().find(|p| &p.id == id));
    html! {
        <figure class="rw-map-figure">
            { controls(&camera, home, lang) }
            <svg ref={camera.svg.clone()} class="rw-map" viewBox={view_box} tabindex="0" role="application"
                aria-label={lang.t(
                    "Kaart van de gemeenten. Klik om de locatie te kiezen; met het toetsenbord: pijltjes verschuiven, plus en min zoomen, Enter plaatst de locatie in het midden.",
                    "Map of the gemeenten. Click to place the location; keyboard: arrows pan, plus and minus zoom, Enter places the location in the centre.")}
                aria-describedby="rw-map-legend"
                onpointerdown={down} onpointermove={moved} onpointerup={up} onpointerleave={leave} {onkeydown}>
                <Areas />
                { labels(stroke_unit) }
                if let Some(path) = selected {
                    <path d={path.d.clone()} class="rw-selected" aria-hidden="true" />
                }
                if let Some((x, y)) = marker {
                    <circle class="rw-marker" cx={whole(x)} cy={whole(y)}
                        r={whole(stroke_unit * 7.0)} stroke-width={whole(stroke_unit * 2.0)} />
                }
                <g class="rw-crosshair" aria-hidden="true">
                    <line x1={whole(vx + vw / 2.0 - stroke_unit * 10.0)} x2={whole(vx + vw / 2.0 + stroke_unit * 10.0)}
                        y1={whole(vy + vh / 2.0)} y2={whole(vy + vh / 2.0)} stroke-width={whole(stroke_unit * 1.5)} />
                    <line y1={whole(vy + vh / 2.0 - stroke_unit * 10.0)} y2={whole(vy + vh / 2.0 + stroke_unit * 10.0)}
                        x1={whole(vx + vw / 2.0)} x2={whole(vx + vw / 2.0)} stroke-width={whole(stroke_unit * 1.5)} />
                </g>
            </svg>
            { legend(lang) }
        </figure>
    }
}

/// The gemeenten and provincie outlines. Without props, so Yew renders them once and skips
/// them when the marker or the view box changes.
#[function_component(Areas)]
fn areas() -> Html {
    Html::from_html_unchecked(AttrValue::Static(map_data().areas.as_str()))
}
