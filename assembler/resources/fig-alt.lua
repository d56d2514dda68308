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

-- A monitoring chart (.graf) keeps a readable width on a phone and its figure scrolls
-- sideways (page.html); a scrolling region must be reachable from the keyboard.
function Figure(figure)
  local chart = false
  figure.content:walk({
    Image = function(image)
      if image.classes:includes("graf") then
        chart = true
      end
    end,
  })
  if chart then
    figure.classes:insert("graf")
    figure.attributes["tabindex"] = "0"
  end
  return figure
end
