//! Drawing egui frames into images with no window and no display: a headless wgpu device
//! (a software renderer preferred, so that a picture does not depend on the graphics card), an
//! [`egui_wgpu::Renderer`], a render pass into a texture, and the texture read back as RGBA.
//!
//! `paperlens slides` and File → Export slides draw each slide through it, exactly as the window
//! would draw it, at any size, on a machine with no screen.

use std::sync::Arc;
use std::time::Duration;

use eframe::egui;
use eframe::egui_wgpu::{self, wgpu};

/// How long the device may take to finish a frame or a copy: a software renderer drawing a
/// large frame is slow, but a device that never answers must not hang the export.
const WAIT_TIMEOUT: Duration = Duration::from_mins(1);

/// The fewest frames run before the picture: egui lays a new window out on the first (and asks
/// for it again), and some widgets size themselves from the frame before (a chart's axes from
/// its tick labels), so the third frame is the first that is settled.
const MIN_FRAMES: usize = 3;

/// The most frames run before the picture, however often the drawing asks for another (an
/// animation that never ends).
const MAX_FRAMES: usize = 12;

/// Why an offscreen picture could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OffscreenError {
    /// No graphics adapter (GPU or software renderer) could be found or opened.
    NoAdapter(String),
    /// The size asked for is empty or larger than the device can draw.
    Size {
        /// The size asked for, in pixels.
        asked: [u32; 2],
        /// The largest side the device draws.
        largest: u32,
    },
    /// The device failed while drawing or reading the picture back.
    Device(String),
}

impl std::fmt::Display for OffscreenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoAdapter(why) => write!(
                f,
                "no graphics adapter to draw with ({why}). Install a Vulkan driver: on a machine \
                 without a graphics card Mesa's software renderer does (Debian and Ubuntu: \
                 `apt install mesa-vulkan-drivers`; Fedora: `dnf install mesa-vulkan-drivers`)"
            ),
            Self::Size { asked, largest } => write!(
                f,
                "cannot draw a {}×{} picture: each side must be between 1 and {largest} pixels",
                asked[0], asked[1]
            ),
            Self::Device(why) => write!(f, "the graphics device failed while drawing: {why}"),
        }
    }
}

impl std::error::Error for OffscreenError {}

/// A headless wgpu device with egui's renderer, drawing egui frames into images.
pub struct OffscreenRenderer {
    /// The device, its queue and egui's renderer for them.
    render_state: egui_wgpu::RenderState,
}

impl std::fmt::Debug for OffscreenRenderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OffscreenRenderer")
            .field("adapter", &self.adapter_name())
            .finish()
    }
}

impl OffscreenRenderer {
    /// Opens a headless device: a software renderer (Mesa's lavapipe or llvmpipe) when there is
    /// one, else a graphics card.
    ///
    /// # Errors
    /// [`OffscreenError::NoAdapter`] when no adapter can be opened, saying what to install.
    pub fn new() -> Result<Self, OffscreenError> {
        // Vulkan (Metal, DX12) first; OpenGL only when none of them has an adapter, since
        // probing OpenGL with no display prints complaints of its own. `WGPU_BACKEND` chooses.
        let tries = match wgpu::Backends::from_env() {
            Some(chosen) => vec![chosen],
            None => vec![wgpu::Backends::PRIMARY, wgpu::Backends::GL],
        };
        let mut why = String::from("none was found");
        for backends in tries {
            match Self::with_backends(backends) {
                Ok(renderer) => return Ok(renderer),
                Err(error) => why = error,
            }
        }
        Err(OffscreenError::NoAdapter(why))
    }

    /// Opens a headless device on one of `backends`.
    fn with_backends(backends: wgpu::Backends) -> Result<Self, String> {
        let setup = headless_setup(backends);
        let instance = pollster::block_on(setup.new_instance());
        let config = egui_wgpu::WgpuConfiguration {
            wgpu_setup: setup,
            ..Default::default()
        };
        let render_state = pollster::block_on(egui_wgpu::RenderState::create(
            &config,
            &instance,
            None,
            egui_wgpu::RendererOptions::PREDICTABLE,
        ))
        .map_err(|error| error.to_string())?;
        Ok(Self { render_state })
    }

    /// The adapter drawing, as the driver names it (`llvmpipe (LLVM 19.1.7, 256 bits)`).
    #[must_use]
    pub fn adapter_name(&self) -> String {
        self.render_state.adapter.get_info().name
    }

    /// Runs `draw` in `ctx` on a screen of `size_in_pixels` at `pixels_per_point` until its
    /// layout settles (at least [`MIN_FRAMES`] frames, more while it asks to be drawn again),
    /// and returns the last frame as an RGBA image of that size.
    ///
    /// # Errors
    /// A size of zero or past the device's limit, or a device that fails.
    pub fn render(
        &mut self,
        ctx: &egui::Context,
        size_in_pixels: [u32; 2],
        pixels_per_point: f32,
        mut draw: impl FnMut(&mut egui::Ui),
    ) -> Result<image::RgbaImage, OffscreenError> {
        let largest = self.render_state.device.limits().max_texture_dimension_2d;
        if size_in_pixels
            .iter()
            .any(|&side| side == 0 || side > largest)
        {
            return Err(OffscreenError::Size {
                asked: size_in_pixels,
                largest,
            });
        }
        let mut input = screen_input(size_in_pixels, pixels_per_point, largest);
        let mut frame = 0;
        let output = loop {
            frame += 1;
            input.time = Some(f64::from(u32::try_from(frame).unwrap_or(u32::MAX)) / 60.0);
            let mut output = ctx.run_ui(input.clone(), &mut draw);
            let asks_again = output
                .viewport_output
                .get(&egui::ViewportId::ROOT)
                .is_some_and(|viewport| viewport.repaint_delay.is_zero());
            if frame >= MAX_FRAMES || (frame >= MIN_FRAMES && !asks_again) {
                break output;
            }
            // Fonts and images are uploaded as they come; a texture freed is freed at once,
            // since nothing of this frame is drawn.
            self.upload_textures(&mut output.textures_delta);
            self.free_textures(&mut output.textures_delta);
        };
        let mut output = output;
        self.upload_textures(&mut output.textures_delta);
        let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), pixels_per_point);
        let picture = self.draw(&primitives, size_in_pixels, pixels_per_point);
        self.free_textures(&mut output.textures_delta);
        picture
    }

    /// Uploads the textures a frame made or changed (the font atlas, images).
    fn upload_textures(&self, delta: &mut egui::TexturesDelta) {
        let mut renderer = self.render_state.renderer.write();
        for (id, images) in delta.set.drain() {
            for image in images {
                renderer.update_texture(
                    &self.render_state.device,
                    &self.render_state.queue,
                    id,
                    &image,
                );
            }
        }
    }

    /// Frees the textures a frame let go of.
    fn free_textures(&self, delta: &mut egui::TexturesDelta) {
        let mut renderer = self.render_state.renderer.write();
        for id in delta.free.drain() {
            renderer.free_texture(&id);
        }
    }

    /// Draws `primitives` into a new texture and reads it back.
    fn draw(
        &self,
        primitives: &[egui::ClippedPrimitive],
        size_in_pixels: [u32; 2],
        pixels_per_point: f32,
    ) -> Result<image::RgbaImage, OffscreenError> {
        let device = &self.render_state.device;
        let queue = &self.render_state.queue;
        let screen = egui_wgpu::ScreenDescriptor {
            size_in_pixels,
            pixels_per_point,
        };
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("paperlens offscreen frame"),
            size: wgpu::Extent3d {
                width: size_in_pixels[0],
                height: size_in_pixels[1],
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: self.render_state.target_format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("paperlens offscreen frame"),
        });
        let mut renderer = self.render_state.renderer.write();
        let user_buffers =
            renderer.update_buffers(device, queue, &mut encoder, primitives, &screen);
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("paperlens offscreen frame"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color::TRANSPARENT),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            renderer.render(&mut pass, primitives, &screen);
        }
        drop(renderer);
        queue.submit(
            user_buffers
                .into_iter()
                .chain(std::iter::once(encoder.finish())),
        );
        read_back(device, queue, &texture, self.render_state.target_format)
    }
}

/// A new headless wgpu setup: no display, `backends`, the adapters ordered software renderer
/// first, then a discrete card, then the rest.
fn headless_setup(backends: wgpu::Backends) -> egui_wgpu::WgpuSetup {
    let mut setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
    setup.instance_descriptor.backends = backends - wgpu::Backends::BROWSER_WEBGPU;
    setup.native_adapter_selector = Some(Arc::new(|adapters, _surface| {
        let mut adapters: Vec<&wgpu::Adapter> = adapters.iter().collect();
        adapters.sort_by_key(|adapter| {
            let info = adapter.get_info();
            let device = match info.device_type {
                wgpu::DeviceType::Cpu => 0,
                wgpu::DeviceType::DiscreteGpu => 1,
                wgpu::DeviceType::IntegratedGpu
                | wgpu::DeviceType::VirtualGpu
                | wgpu::DeviceType::Other => 2,
            };
            let backend = match info.backend {
                wgpu::Backend::Vulkan | wgpu::Backend::Metal => 0,
                wgpu::Backend::Dx12 => 1,
                wgpu::Backend::Gl => 2,
                wgpu::Backend::BrowserWebGpu | wgpu::Backend::Noop => 3,
            };
            (device, backend)
        });
        adapters
            .into_iter()
            .find(|adapter| adapter.get_info().backend != wgpu::Backend::Noop)
            .cloned()
            .ok_or_else(|| "none was found".to_owned())
    }));
    egui_wgpu::WgpuSetup::CreateNew(setup)
}

/// egui's input for a screen of `size_in_pixels` at `pixels_per_point`, with no pointer and no
/// keys: nothing is hovered, so no tooltip shows.
fn screen_input(size_in_pixels: [u32; 2], pixels_per_point: f32, largest: u32) -> egui::RawInput {
    // Both sides are at most the device's limit (16384 or so): exact in an f32.
    #[allow(clippy::cast_precision_loss)]
    let size = egui::vec2(size_in_pixels[0] as f32, size_in_pixels[1] as f32) / pixels_per_point;
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        max_texture_side: usize::try_from(largest).ok(),
        focused: false,
        ..Default::default()
    };
    if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
        viewport.native_pixels_per_point = Some(pixels_per_point);
    }
    input
}

/// Copies `texture` to a buffer the CPU can read and returns it as an RGBA image.
fn read_back(
    device: &wgpu::Device,
    queue: &wgpu::Queue,
    texture: &wgpu::Texture,
    format: wgpu::TextureFormat,
) -> Result<image::RgbaImage, OffscreenError> {
    let (width, height) = (texture.width(), texture.height());
    let row_bytes = width * 4;
    let padded_row_bytes =
        row_bytes.div_ceil(wgpu::COPY_BYTES_PER_ROW_ALIGNMENT) * wgpu::COPY_BYTES_PER_ROW_ALIGNMENT;
    let buffer = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("paperlens offscreen read-back"),
        size: u64::from(padded_row_bytes) * u64::from(height),
        usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
        label: Some("paperlens offscreen read-back"),
    });
    encoder.copy_texture_to_buffer(
        texture.as_image_copy(),
        wgpu::TexelCopyBufferInfo {
            buffer: &buffer,
            layout: wgpu::TexelCopyBufferLayout {
                offset: 0,
                bytes_per_row: Some(padded_row_bytes),
                rows_per_image: None,
            },
        },
        wgpu::Extent3d {
            width,
            height,
            depth_or_array_layers: 1,
        },
    );
    let submission = queue.submit(std::iter::once(encoder.finish()));
    let slice = buffer.slice(..);
    let (sender, receiver) = std::sync::mpsc::channel();
    slice.map_async(wgpu::MapMode::Read, move |mapped| {
        let _ = sender.send(mapped);
    });
    device
        .poll(wgpu::PollType::Wait {
            submission_index: Some(submission),
            timeout: Some(WAIT_TIMEOUT),
        })
        .map_err(|error| OffscreenError::Device(error.to_string()))?;
    receiver
        .recv()
        .map_err(|error| OffscreenError::Device(error.to_string()))?
        .map_err(|error| OffscreenError::Device(error.to_string()))?;
    let mapped = slice
        .get_mapped_range()
        .map_err(|error| OffscreenError::Device(error.to_string()))?;
    let row_bytes = usize::try_from(row_bytes).unwrap_or(usize::MAX);
    let padded_row_bytes = usize::try_from(padded_row_bytes).unwrap_or(usize::MAX);
    let mut pixels: Vec<u8> = mapped
        .chunks_exact(padded_row_bytes)
        .flat_map(|row| row.iter().take(row_bytes))
        .copied()
        .collect();
    if matches!(
        format,
        wgpu::TextureFormat::Bgra8Unorm | wgpu::TextureFormat::Bgra8UnormSrgb
    ) {
        for pixel in pixels.chunks_exact_mut(4) {
            pixel.swap(0, 2);
        }
    }
    image::RgbaImage::from_raw(width, height, pixels).ok_or_else(|| {
        OffscreenError::Device("the picture read back is not the size drawn".to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The renderer, or `None` with a notice where the machine has no adapter (a bare machine
    /// without Mesa's drivers); on CI the adapter must be there.
    fn renderer_or_skip(test: &str) -> Option<OffscreenRenderer> {
        match OffscreenRenderer::new() {
            Ok(renderer) => Some(renderer),
            Err(error) if std::env::var_os("CI").is_none() => {
                println!("skipped {test}: {error}");
                None
            }
            Err(error) => panic!("{error}"),
        }
    }

    #[test]
    fn a_filled_rectangle_is_drawn_where_it_was_given_in_its_colour() {
        let Some(mut renderer) = renderer_or_skip("the filled-rectangle picture") else {
            return;
        };
        let ctx = egui::Context::default();
        let fill = egui::Color32::from_rgb(200, 30, 60);
        let picture = renderer.render(&ctx, [200, 100], 1.0, |ui| {
            ui.painter().rect_filled(
                egui::Rect::from_min_size(egui::pos2(20.0, 10.0), egui::vec2(60.0, 40.0)),
                0.0,
                fill,
            );
        });
        let Ok(picture) = picture else {
            panic!("{picture:?}");
        };
        assert_eq!(picture.dimensions(), (200, 100));
        assert_eq!(picture.get_pixel(50, 30).0, [200, 30, 60, 255]);
        assert_ne!(
            picture.get_pixel(150, 80).0,
            [200, 30, 60, 255],
            "outside it"
        );
    }

    #[test]
    fn text_is_drawn_at_the_pixel_density_asked_for() {
        let Some(mut renderer) = renderer_or_skip("the text picture") else {
            return;
        };
        let ctx = egui::Context::default();
        let picture = renderer.render(&ctx, [400, 200], 2.0, |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.heading("Slides for the back row");
            });
        });
        let Ok(picture) = picture else {
            panic!("{picture:?}");
        };
        assert_eq!(picture.dimensions(), (400, 200));
        let colours: std::collections::HashSet<[u8; 4]> =
            picture.pixels().map(|pixel| pixel.0).collect();
        assert!(
            colours.len() > 8,
            "text is drawn anti-aliased in many shades, not {} colours",
            colours.len()
        );
    }

    #[test]
    fn an_empty_or_huge_picture_is_refused_in_words() {
        let Some(mut renderer) = renderer_or_skip("the size check") else {
            return;
        };
        let ctx = egui::Context::default();
        let error = renderer.render(&ctx, [0, 10], 1.0, |_| {}).err();
        assert!(
            matches!(error, Some(OffscreenError::Size { .. })),
            "{error:?}"
        );
        let error = renderer.render(&ctx, [1_000_000, 10], 1.0, |_| {}).err();
        let Some(message) = error.map(|e| e.to_string()) else {
            panic!("a picture a million pixels wide was drawn");
        };
        assert!(message.contains("between 1 and"), "{message}");
    }

    #[test]
    fn no_adapter_says_what_to_install() {
        let message = OffscreenError::NoAdapter("none was found".to_owned()).to_string();
        assert!(message.contains("mesa-vulkan-drivers"), "{message}");
    }
}
