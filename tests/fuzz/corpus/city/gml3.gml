<?xml version="1.0" encoding="UTF-8"?>
<CityModel xmlns="http://www.opengis.net/citygml/3.0" xmlns:con="http://www.opengis.net/citygml/construction/3.0" xmlns:bldg="http://www.opengis.net/citygml/building/3.0" xmlns:gen="http://www.opengis.net/citygml/generics/3.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink">
<cityObjectMember><bldg:Building gml:id="b3">
<genericAttribute><gen:StringAttribute><gen:name>kind</gen:name><gen:value>house</gen:value></gen:StringAttribute></genericAttribute>
<boundary><con:RoofSurface><lod2MultiSurface><gml:MultiSurface srsName="urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::5783" srsDimension="3"><gml:surfaceMember><gml:Polygon gml:id="r3"><gml:exterior><gml:LinearRing><gml:posList>0 0 5 6 0 5 6 6 5 0 6 5 0 0 5</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></lod2MultiSurface></con:RoofSurface></boundary>
<boundary><con:WallSurface><lod2MultiSurface><gml:MultiSurface><gml:surfaceMember><gml:Polygon gml:id="w3"><gml:exterior><gml:LinearRing><gml:posList>0 0 0 6 0 0 6 0 5 0 0 5 0 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></lod2MultiSurface></con:WallSurface></boundary>
<lod2Solid><gml:Solid><gml:exterior><gml:Shell><gml:surfaceMember xlink:href="#r3"/><gml:surfaceMember xlink:href="#w3"/><gml:surfaceMember xlink:href="#missing"/></gml:Shell></gml:exterior></gml:Solid></lod2Solid>
</bldg:Building></cityObjectMember>
<cityObjectMember><Road gml:id="road"/></cityObjectMember>
</CityModel>
