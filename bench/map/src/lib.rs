//! A heading and the explainer's start map, nothing else: the map's markup is computed ahead of
//! time (examples/bench_map_markup.rs, run by scripts/bench.sh) and set with one `innerHTML`,
//! as the app sets the markup it computes at start-up. A click places a marker, the least a
//! map click must paint. Measured side by side with Routewijzer (scripts/bench-web.mjs).
use wasm_bindgen::prelude::*;
use yew::prelude::*;

include!("../gen/view_box.rs");
const AREAS: &str = include_str!("../gen/areas.svg");

/// The gemeenten and provincie outlines: one `innerHTML`, rendered once.
#[function_component(Areas)]
fn areas() -> Html {
    Html::from_html_unchecked(AttrValue::Static(AREAS))
}

#[function_component(MapPage)]
fn map_page() -> Html {
    let [x, y, w, h] = VIEW_BOX;
    let marker = use_state(|| None::<(i64, i64)>);
    let svg = use_node_ref();
    let onpointerup = {
        let (marker, svg) = (marker.clone(), svg.clone());
        Callback::from(move |e: PointerEvent| {
            let Some(rect) = svg
                .cast::<web_sys::Element>()
                .map(|s| s.get_bounding_client_rect())
            else {
                return;
            };
            // The default preserveAspectRatio (xMidYMid meet), as the app's map.
            let scale = (rect.width() / w as f64).min(rect.height() / h as f64);
            let left = rect.left() + (rect.width() - w as f64 * scale) / 2.0;
            let top = rect.top() + (rect.height() - h as f64 * scale) / 2.0;
            let mx = x as f64 + (f64::from(e.client_x()) - left) / scale;
            let my = y as f64 + (f64::from(e.client_y()) - top) / scale;
            marker.set(Some((mx as i64, my as i64)));
        })
    };
    html! {
        <main>
            <h1>{ "Kaart" }</h1>
            <svg ref={svg} class="rw-map" viewBox={VIEW_BOX.map(|v| v.to_string()).join(" ")} {onpointerup}>
                <Areas />
                if let Some((cx, cy)) = *marker {
                    <circle class="rw-marker" cx={cx.to_string()} cy={cy.to_string()} r={(w * 7 / 800).to_string()} />
                }
            </svg>
        </main>
    }
}

#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    yew::Renderer::<MapPage>::with_root(root).render();
}
