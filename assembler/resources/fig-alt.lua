-- A figure's alternative text is its image's fig-alt attribute (authored.figures and
-- the monitoring charts write it), not its caption: pandoc's DOCX and HTML writers
-- would otherwise describe the image by the caption alone. Typst gets it in pdf.py.
function Image(image)
  local alt = image.attributes["fig-alt"]
  if alt == nil then
    return nil
  end
  image.attributes["fig-alt"] = nil
  image.caption = pandoc.Inlines({ pandoc.Str(alt) })
  return image
end
